// Staff routes of the new-media account registry.
import type Router from '@koa/router';
import { audit } from '../../audit';
import type { JobStore } from '../../jobs';
import { accountChanges, createAccount, listAccounts, loadAccount, recordAccountEvent, setAccountCredentials } from '../../media/commands/accounts';
import { requeueAfterCredentials } from '../../media/commands/deliveries';
import { accountView } from '../../media/presenters';
import type { MediaSettings } from '../../media/settings';
import { defineRoute } from '../../openapi/defineRoute';
import { accountChangesResponseSchema, accountCreateBodySchema, accountCredentialsBodySchema, accountCredentialsResponseSchema, accountEventBodySchema, accountListResponseSchema, accountResponseSchema } from '@zwgk/shared';
import { accountListQuery, changesQuery, idParams } from './schema';

export interface MediaRouteDeps {
  settings: MediaSettings;
  jobs: JobStore;
  wake: () => void;
}

const MANAGERS = ['clerk', 'reviewer', 'admin'] as const;

export function accountRoutes(router: Router, deps: MediaRouteDeps): void {
  defineRoute(router, {
    method: 'get',
    path: '/api/media/accounts',
    summary: '政务新媒体账号列表（可按状态、平台筛选）',
    tags: ['media'],
    auth: 'staff',
    query: accountListQuery,
    response: accountListResponseSchema,
    handler: async (_ctx, { actor, query }) => ({ accounts: (await listAccounts(actor, query as Parameters<typeof listAccounts>[1])).map(accountView) }),
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/media/accounts',
    summary: '登记开设政务新媒体账号',
    tags: ['media'],
    auth: MANAGERS,
    body: accountCreateBodySchema,
    response: accountResponseSchema,
    status: 201,
    handler: async (ctx, { actor, body }) => {
      const account = await createAccount(actor, body);
      await audit(ctx, 'media.account.opened', { accountId: account._id, credentials: body.credentials ? 'set' : 'none' });
      return accountView(account);
    },
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/media/accounts/changes',
    summary: '本年度账号开设、变更、关停、注销、整合记录',
    tags: ['media'],
    auth: 'staff',
    query: changesQuery,
    response: accountChangesResponseSchema,
    handler: (_ctx, { actor, query }) => accountChanges(actor, query),
  });

  defineRoute(router, {
    method: 'get',
    path: '/api/media/accounts/:id',
    summary: '账号详情（含备案历史；凭证只显示是否已设置）',
    tags: ['media'],
    auth: 'staff',
    params: idParams,
    response: accountResponseSchema,
    errors: [404],
    handler: async (_ctx, { actor, params }) => accountView(await loadAccount(actor, params.id)),
  });

  defineRoute(router, {
    method: 'post',
    path: '/api/media/accounts/:id/events',
    summary: '登记账号变更、关停、注销、整合或重新开设（含备案日期）',
    tags: ['media'],
    auth: MANAGERS,
    params: idParams,
    body: accountEventBodySchema,
    response: accountResponseSchema,
    errors: [403, 404, 409],
    handler: async (ctx, { actor, params, body }) => {
      const account = await recordAccountEvent(actor, params.id, body);
      await audit(ctx, 'media.account.event', { accountId: account._id, action: body.action });
      return accountView(account);
    },
  });

  defineRoute(router, {
    method: 'put',
    path: '/api/media/accounts/:id/credentials',
    summary: '设置账号接口凭证（加密保存）；因凭证失败的推送自动重试',
    tags: ['media'],
    auth: MANAGERS,
    params: idParams,
    body: accountCredentialsBodySchema,
    response: accountCredentialsResponseSchema,
    errors: [404, 409],
    handler: async (ctx, { actor, params, body }) => {
      const { account, requeued } = await setAccountCredentials(actor, params.id, body, (a, accountId) => requeueAfterCredentials(a, accountId, deps.jobs));
      await audit(ctx, 'media.account.credentials_set', { accountId: account._id, requeued });
      if (requeued) deps.wake();
      return { account: accountView(account), requeued };
    },
  });
}
