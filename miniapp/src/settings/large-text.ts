import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { storage } from '../api/storage';

// 适老化 large-text mode: one setting on the device, applied by every page shell.
// Pages are separate trees on weapp, so a change is broadcast through Taro's event centre
// to the shells that are already mounted (pages further back in the stack).

const key = 'settings.largeText';
const event = 'zwgk:largeText';

export function isLargeText(): boolean {
  return storage.read<boolean>(key) === true;
}

export function setLargeText(on: boolean): void {
  storage.write(key, on);
  Taro.eventCenter.trigger(event, on);
}

export function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isLargeText);
  useEffect(() => {
    const listener = (value: boolean) => setOn(value);
    Taro.eventCenter.on(event, listener);
    return () => {
      Taro.eventCenter.off(event, listener);
    };
  }, []);
  return [on, setLargeText];
}
