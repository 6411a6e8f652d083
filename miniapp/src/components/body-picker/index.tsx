import { Input, Text, View } from '@tarojs/components';
import { bodyKindLabels, type BodyDirectoryEntry, type BodyKind } from '@zwgk/shared';
import { useMemo, useState } from 'react';
import { cx } from '../cx';
import './body-picker.css';

export interface BodyPickerProps {
  bodies: ReadonlyArray<BodyDirectoryEntry>;
  value?: string;
  onPick: (body: BodyDirectoryEntry) => void;
  /** Show each body's guide (address, phone, hours) under the chosen one. */
  showGuide?: boolean;
}

const kinds: BodyKind[] = ['government', 'department', 'township'];

/** The body directory: a search box and the bodies grouped by kind (county government first). */
export function BodyPicker({ bodies, value, onPick, showGuide = false }: BodyPickerProps) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim();
    return q ? bodies.filter((b) => b.name.includes(q)) : bodies;
  }, [bodies, query]);
  return (
    <View className="zw-bodies">
      <Input className="zw-bodies__search" value={query} placeholder="搜索机关名称，如：教育、龙安" onInput={(e) => setQuery(e.detail.value)} />
      {shown.length === 0 ? <Text className="zw-bodies__none">没有找到名称含“{query}”的机关</Text> : null}
      {kinds.map((kind) => {
        const group = shown.filter((b) => b.kind === kind);
        if (group.length === 0) return null;
        return (
          <View key={kind} className="zw-bodies__group">
            <Text className="zw-bodies__kind">{bodyKindLabels[kind]}</Text>
            {group.map((b) => (
              <View key={b.id} className={cx('zw-bodies__item', b.id === value && 'zw-bodies__item--on')} onClick={() => onPick(b)}>
                <Text className="zw-bodies__name">{b.name}</Text>
                {showGuide && b.id === value ? <Text className="zw-bodies__guide">{guideText(b)}</Text> : null}
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}

/** The guide of a body in one paragraph (政府信息公开指南). */
export function guideText(body: BodyDirectoryEntry): string {
  const g = body.guide;
  return [`地址：${g.address}`, `电话：${g.phone}`, `受理时间：${g.hours}`, g.email ? `邮箱：${g.email}` : ''].filter(Boolean).join('\n');
}
