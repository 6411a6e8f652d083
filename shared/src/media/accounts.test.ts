import { accountEventRefusal, accountStatusOf, type AccountEvent } from './accounts';

const ev = (action: AccountEvent['action'], on = '2023-03-01', extra: Partial<AccountEvent> = {}): AccountEvent => ({ action, on, ...extra });

describe('account registry history', () => {
  it('starts with 开设 and folds to a status', () => {
    expect(accountEventRefusal(null, ev('change'))).toBe('新账号的第一条记录应为“开设”');
    expect(accountEventRefusal(null, ev('open'))).toBeNull();
    expect(accountStatusOf([ev('open'), ev('change')])).toBe('operating');
    expect(accountStatusOf([ev('open'), ev('close')])).toBe('closed');
    expect(accountStatusOf([])).toBeNull();
  });

  it('注销 and 整合 are final; a shut-down account may be reopened but not changed', () => {
    expect(accountEventRefusal('cancelled', ev('open'))).toBe('账号已注销，不能再开设');
    expect(accountEventRefusal('merged', ev('change'))).toBe('账号已整合，不能再变更');
    expect(accountEventRefusal('closed', ev('change'))).toBe('账号已关停，需先重新开设才能变更');
    expect(accountEventRefusal('closed', ev('open'))).toBeNull();
    expect(accountEventRefusal('operating', ev('merge'))).toBe('整合须注明并入的账号');
    expect(accountEventRefusal('operating', ev('merge', '2023-03-01', { mergedInto: 'x' }))).toBeNull();
  });

  it('keeps the history in date order', () => {
    expect(accountEventRefusal('operating', ev('close', '2023-01-01'), '2023-02-01')).toBe('关停日期不能早于上一条记录（2023-02-01）');
  });
});
