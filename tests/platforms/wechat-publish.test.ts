// Publishing an article on an official account, step by step, against the
// simulator: material, in-body image, draft, submit, polling until the
// publish_status leaves 1 — success and failure statuses surfaced.
import { createWechatClient, type WechatClient } from '../../server/src/platforms/wechat';
import { startWechatSimulator, WECHAT_SIM_APP, type WechatSimulator } from '../simulators';
import { JPEG, PNG, platformError } from './helpers';

let sim: WechatSimulator;
let client: WechatClient;

beforeEach(async () => {
  sim = await startWechatSimulator({ publish: { polls: 2, status: 0 } });
  client = createWechatClient({ baseUrl: sim.url, ...WECHAT_SIM_APP, timeoutMs: 2000 });
});
afterEach(() => sim.close());

const SOURCE = 'https://www.pingwu.gov.cn/zwgk/items/2026-0042';

async function draft(title = '平武县2026年春耕生产工作会议召开') {
  const thumb = await client.uploadThumb({ data: JPEG, filename: 'cover.jpg' });
  const image = await client.uploadImage({ data: PNG, filename: 'chart.png' });
  const { mediaId } = await client.addDraft([
    {
      title,
      content: `<p>会议部署了春耕生产工作。</p><p><img src="${image.url}"></p>`,
      thumbMediaId: thumb.mediaId,
      author: '平武县人民政府办公室',
      digest: '会议部署春耕生产',
      contentSourceUrl: SOURCE,
    },
  ]);
  return { mediaId, thumb, image };
}

test('the whole flow: thumb, in-body image, draft, submit, poll until published', async () => {
  const { mediaId, thumb, image } = await draft();
  expect(thumb.url).toMatch(/^http/);
  expect(sim.state.materials).toEqual([expect.objectContaining({ mediaId: thumb.mediaId, type: 'image', contentType: 'image/jpeg', size: JPEG.length })]);
  expect(sim.state.images).toEqual([expect.objectContaining({ url: image.url, size: PNG.length })]);
  expect(sim.state.drafts[0]).toMatchObject({ mediaId, filteredImages: [] });

  const { publishId } = await client.submitPublish(mediaId);
  expect(await client.getPublishStatus(publishId)).toMatchObject({ publishStatus: 1, state: 'publishing', label: '发布中' });

  const final = await client.pollPublishStatus(publishId, { intervalMs: 10 });
  expect(final).toMatchObject({ publishId, publishStatus: 0, state: 'published', articleId: expect.any(String), publishedThenRemoved: false });
  expect(final.articleUrls).toHaveLength(1);
  expect(sim.state.calls['/cgi-bin/freepublish/get']).toBe(3);
  expect(sim.state.published).toEqual([expect.objectContaining({ publishId, title: '平武县2026年春耕生产工作会议召开', contentSourceUrl: SOURCE, publishStatus: 0 })]);
});

test.each([
  [2, '原创声明失败'],
  [3, '常规失败'],
  [4, '平台审核不通过'],
])('failure status %i is surfaced with its reason and nothing goes out', async (status, label) => {
  sim.queuePublishOutcomes({ status, polls: 1 });
  const { publishId } = await client.submitPublish((await draft()).mediaId);
  const final = await client.pollPublishStatus(publishId, { intervalMs: 10 });
  expect(final).toMatchObject({ publishStatus: status, state: 'failed', label, failIdx: [1], publishedThenRemoved: false });
  expect(final.articleId).toBeUndefined();
  expect(sim.state.published).toHaveLength(0);
});

test('status 5/6 (removed after publishing) is a failure that must not be republished', async () => {
  sim.queuePublishOutcomes({ status: 6, polls: 0 });
  const { publishId } = await client.submitPublish((await draft()).mediaId);
  expect(await client.pollPublishStatus(publishId, { intervalMs: 10 })).toMatchObject({ state: 'failed', label: '发布成功后所有文章被系统封禁', publishedThenRemoved: true });
});

test('a submitted draft cannot be submitted again (40007, permanent)', async () => {
  const { mediaId } = await draft();
  await client.submitPublish(mediaId);
  await platformError(client.submitPublish(mediaId), { code: 40007, transient: false });
  expect(sim.state.publishes).toHaveLength(1);
});

test('when the answer of a submit is lost, the article is found with listPublished instead of published twice', async () => {
  const { mediaId } = await draft('答复丢失也只发布一次');
  sim.faults.add({ path: '/cgi-bin/freepublish/submit', kind: 'http', status: 502, phase: 'after' });
  await platformError(client.submitPublish(mediaId), { code: 'HTTP_502', transient: true });
  // A blind retry is refused because the draft left the draft box …
  await platformError(client.submitPublish(mediaId), { code: 40007, transient: false });
  // … and the listing shows the article went out.
  const { totalCount, articles } = await client.listPublished();
  expect(totalCount).toBe(1);
  expect(articles[0]!.items).toEqual([expect.objectContaining({ title: '答复丢失也只发布一次', contentSourceUrl: SOURCE, isDeleted: false })]);
  expect(sim.state.published).toHaveLength(1);
});

test('still publishing when the poll budget runs out is a transient error', async () => {
  sim.queuePublishOutcomes({ status: 0, polls: 1000 });
  const { publishId } = await client.submitPublish((await draft()).mediaId);
  await platformError(client.pollPublishStatus(publishId, { intervalMs: 20, timeoutMs: 100 }), { code: 'PUBLISH_PENDING', transient: true, kind: 'timeout' });
});

test('token expiry in the middle of the flow costs one refresh, no duplicate', async () => {
  const { mediaId } = await draft();
  sim.expireTokens();
  const { publishId } = await client.submitPublish(mediaId);
  await client.pollPublishStatus(publishId, { intervalMs: 10 });
  expect(sim.state.calls['/cgi-bin/token']).toBe(2);
  expect(sim.state.publishes).toHaveLength(1);
  expect(sim.state.published).toHaveLength(1);
});

test('content errors are permanent: not an image, title too long, unknown thumb', async () => {
  await platformError(client.uploadThumb({ data: new TextEncoder().encode('not an image'), filename: 'x.jpg', contentType: 'image/jpeg' }), { code: 40005, transient: false });
  const thumb = await client.uploadThumb({ data: JPEG, filename: 'cover.jpg' });
  await platformError(client.addDraft([{ title: '长'.repeat(33), content: '<p>正文</p>', thumbMediaId: thumb.mediaId }]), { code: 45003, transient: false, kind: 'content_rejected' });
  await platformError(client.addDraft([{ title: '标题', content: '<p>正文</p>', thumbMediaId: 'unknown' }]), { code: 40007, transient: false });
  expect(sim.state.drafts).toHaveLength(0);
});

test('a busy platform during polling is transient and the next poll carries on', async () => {
  const { publishId } = await client.submitPublish((await draft()).mediaId);
  sim.faults.add({ path: '/cgi-bin/freepublish/get', kind: 'errcode', errcode: -1 });
  await platformError(client.getPublishStatus(publishId), { code: -1, transient: true });
  expect(await client.pollPublishStatus(publishId, { intervalMs: 10 })).toMatchObject({ state: 'published' });
});
