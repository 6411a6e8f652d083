import { countMedia, validityCounts, type CountableItem } from './counts';

const nd = (issuedOn: string, abolishedOn?: string): CountableItem => ({ category: 'normative_doc', publishedAt: `${issuedOn}T02:00:00Z`, document: { issuedOn, ...(abolishedOn ? { abolishedOn } : {}) } });

describe('media counts', () => {
  it('规范性文件: issued and abolished in the year, in force on 31 December', () => {
    const items = [nd('2021-04-01'), nd('2022-06-01', '2023-03-01'), nd('2023-02-01'), nd('2023-05-01', '2023-12-31'), nd('2023-06-01', '2024-01-01'), nd('2024-01-02')];
    expect(validityCounts(items, 'normative_doc', 2023)).toEqual({ issued: 3, abolished: 2, inForce: 3 });
    expect(validityCounts(items, 'rules', 2023)).toEqual({ issued: 0, abolished: 0, inForce: 0 });
  });

  it('years are Asia/Shanghai years; posts count per new-media account, websites excluded', () => {
    const counts = countMedia({
      bodyId: 'b',
      year: 2023,
      items: [
        { category: 'policy_document', publishedAt: '2022-12-31T16:30:00Z' }, // 2023-01-01 00:30 in Shanghai
        { category: 'interpretation', publishedAt: '2023-12-31T16:30:00Z' }, // 2024 in Shanghai
        { category: 'other_document', publishedAt: '2023-07-01T00:00:00Z' },
      ],
      posts: [
        { accountId: 'wx', origin: 'original', postedAt: '2023-03-01T00:00:00Z' },
        { accountId: 'wx', origin: 'repost', postedAt: '2023-03-02T00:00:00Z' },
        { accountId: 'site', origin: 'original', postedAt: '2023-03-02T00:00:00Z' },
        { accountId: 'wx', origin: 'original', postedAt: '2022-03-02T00:00:00Z' },
      ],
      accounts: [
        { id: 'wx', name: '平武发布', platform: 'wechat_oa', status: 'operating' },
        { id: 'site', name: '平武县人民政府网', platform: 'website', status: 'operating' },
      ],
    });
    expect(counts.itemsByCategory.policy_document).toBe(1);
    expect(counts.itemsByCategory.interpretation).toBe(0);
    expect(counts.documents).toBe(2);
    expect(counts.newMedia).toEqual({ accounts: [{ accountId: 'wx', name: '平武发布', platform: 'wechat_oa', status: 'operating', original: 1, repost: 1 }], original: 1, repost: 1 });
  });
});
