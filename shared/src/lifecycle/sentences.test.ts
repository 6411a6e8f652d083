import { eventTypes, type RequestEvent } from './events';
import { ev } from './fixtures';
import { fold } from './fold';
import { eventSentence, statusLabel } from './sentences';
import { phaseLabels, phases } from './phases';

describe('thread sentences', () => {
  it('every event has a staff sentence', () => {
    for (const type of eventTypes) expect(eventSentence(ev(type, '2024-02-01', 'clerk'), 'staff')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the citizen sees receipt, correction and extension in plain words', () => {
    expect(eventSentence(ev('confirm_receipt', '2024-02-01', 'clerk'), 'citizen')).toBe('已受理您的申请，收到申请之日为2024年2月1日，答复期限自次日起计算。');
    expect(eventSentence(ev('request_correction', '2024-02-05', 'clerk', { items: ['写明文件名称', '写明年份'], dueOn: '2024-02-29' }), 'citizen')).toBe(
      '请补正以下内容：1. 写明文件名称；2. 写明年份。请于2024年2月29日前提交补正材料；无正当理由逾期不补正的，视为放弃申请（《条例》第三十条）。',
    );
    expect(eventSentence(ev('extend', '2024-03-01', 'reviewer', { days: 20, reason: '需要调取档案' }), 'citizen')).toBe(
      '因需要调取档案，经政府信息公开工作机构负责人同意，答复期限延长20个工作日（《条例》第三十三条）。',
    );
  });

  it('internal steps are not shown to the citizen, and third parties are not named', () => {
    for (const type of ['assign', 'decide', 'approve', 'reject', 'close', 'record_review_result', 'record_litigation_result'] as const) {
      expect(eventSentence(ev(type, '2024-02-01', 'clerk'), 'citizen')).toBeNull();
    }
    const consult = ev('start_consultation', '2024-02-05', 'handler', { with: '某某房地产开发有限公司' });
    expect(eventSentence(consult, 'citizen')).not.toContain('某某房地产');
    expect(eventSentence(consult, 'staff')).toContain('某某房地产');
  });

  it('delivery names the outcome group when the state is given', () => {
    const before = fold([
      ev('submit', '2024-02-01', 'citizen'),
      ev('confirm_receipt', '2024-02-01', 'clerk'),
      ev('decide', '2024-02-05', 'handler', { outcome: 'unable_not_held', legalBasis: '《条例》第三十六条第（四）项' }),
    ] as RequestEvent[]);
    expect(eventSentence(ev('deliver', '2024-02-06', 'clerk'), 'citizen', before)).toBe('已答复您的申请（无法提供），请查看答复书。');
  });

  it('labels every phase for both audiences, and explains why a request closed', () => {
    for (const p of phases) {
      expect(phaseLabels[p].citizen).toBeTruthy();
      expect(phaseLabels[p].staff).toBeTruthy();
    }
    const expired = fold([
      ev('submit', '2024-02-01', 'citizen'),
      ev('confirm_receipt', '2024-02-01', 'clerk'),
      ev('request_correction', '2024-02-02', 'clerk', { dueOn: '2024-02-20' }),
      ev('correction_expired', '2024-02-21', 'system'),
    ]);
    expect(statusLabel(expired, 'citizen')).toBe('已办结（逾期未补正）');
    const extended = fold([ev('submit', '2024-02-01', 'citizen'), ev('confirm_receipt', '2024-02-01', 'clerk'), ev('extend', '2024-02-20', 'reviewer')]);
    expect(statusLabel(extended, 'staff')).toBe('办理中（已延期）');
  });
});
