/**
 * The bundled default: the organisation's documented table (状态码, test/fixtures/org-status-codes.md),
 * transcribed with an English meaning beside each documented Chinese one. A test checks it against the doc.
 * It goes through the same builder as any team's doc, so its method map is read from the text too.
 */
import { buildTable, type RowInput } from './build';
import type { StatusTable } from './types';

const ROWS: [code: number, reason: string, kind: 'success' | 'error', zh: string, en: string][] = [
  [200, 'OK', 'success', 'GET和PUT操作正常返回。', 'Normal answer of GET and PUT.'],
  [201, 'Created', 'success', 'POST操作正常返回。', 'Normal answer of POST.'],
  [204, 'No Content', 'success', 'DELETE操作正常返回。', 'Normal answer of DELETE.'],
  [400, 'Bad Request', 'error', '服务器未能处理请求。', 'The server could not process the request.'],
  [401, 'Unauthorized', 'error', '被请求的页面需要用户名和密码。', 'The requested page needs a user name and password.'],
  [403, 'Forbidden', 'error', '对被请求页面的访问被禁止。', 'Access to the requested page is forbidden.'],
  [404, 'Not Found', 'error', '服务器无法找到被请求的页面。', 'The server cannot find the requested page.'],
  [405, 'Method Not Allowed', 'error', '请求中指定的方法不被允许。', 'The method named in the request is not allowed.'],
  [406, 'Not Acceptable', 'error', '服务器生成的响应无法被客户端所接受。', 'The client cannot accept the response the server produced.'],
  [
    407,
    'Proxy Authentication Required',
    'error',
    '用户必须首先使用代理服务器进行验证，这样请求才会被处理。',
    'The user must first authenticate with the proxy server before the request is processed.',
  ],
  [408, 'Request Timeout', 'error', '请求超出了服务器的等待时间。', 'The request took longer than the server waits.'],
  [409, 'Conflict', 'error', '由于冲突，请求无法被完成。', 'The request could not be completed because of a conflict.'],
  [500, 'Internal Server Error', 'error', '请求未完成，服务异常。', 'The request was not completed: the service failed.'],
  [
    501,
    'Not Implemented',
    'error',
    '请求未完成，服务器不支持所请求的功能。',
    'The request was not completed: the server does not support the requested feature.',
  ],
  [
    502,
    'Bad Gateway',
    'error',
    '请求未完成，服务器从上游服务器收到一个无效的响应。',
    'The request was not completed: the server received an invalid response from the upstream server.',
  ],
  [503, 'Service Unavailable', 'error', '请求未完成，系统暂时异常。', 'The request was not completed: the system is temporarily abnormal.'],
  [504, 'Gateway Timeout', 'error', '网关超时。', 'The gateway timed out.'],
];

function build(): StatusTable {
  const rows: RowInput[] = ROWS.map(([code, reason, kind, zh, en], index) => ({
    code,
    reason,
    kind,
    meaning: zh,
    translations: { en },
    where: { kind: 'defaultRow', row: index + 1 },
  }));
  const result = buildTable('default', rows);
  if (!result.ok) throw new Error(`statusdoc's default table is broken: ${JSON.stringify(result.problem)}`);
  return result.table;
}

export const DEFAULT_TABLE: StatusTable = build();
