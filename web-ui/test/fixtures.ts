// Bodies shaped as marketplace-api sends them.

export const pageBody = {
  items: [
    {
      id: '5b0b6f0e-8a57-4c55-9d0a-0d9a2f1e7c11',
      nameZh: '公交刷卡记录',
      nameEn: 'Bus card transactions',
      category: '交通/公共交通',
      grade: 'GENERAL',
      provider: 'dept-transport',
      providerName: '交通运输局',
      rowCount: 100000,
      columns: [
        { name: 'card_id', type: 'VARCHAR', tag: 'IDENTIFIER', description: '卡号' },
        { name: 'boarding_time', type: 'TIMESTAMP', tag: 'QUASI_IDENTIFIER', description: '上车时间' },
      ],
    },
    {
      id: '9f3c1c8e-2b7a-4d0e-8f51-3a6c0e2d4b22',
      nameZh: '企业登记信息',
      nameEn: 'Enterprise registrations',
      category: '市场监管/企业登记',
      grade: 'IMPORTANT',
      provider: 'dept-samr',
      providerName: '市场监管局',
      rowCount: 2500000,
      columns: [],
    },
    {
      id: 'c1d2e3f4-0000-4abc-8def-123456789abc',
      nameZh: '人口基础信息',
      nameEn: 'Population register',
      category: '公安/人口',
      grade: 'CORE',
      provider: 'dept-police',
      providerName: '公安局',
      rowCount: 9000000,
      columns: [],
    },
  ],
  total: 3,
  page: 0,
  size: 20,
};

export const unavailableProblem = {
  type: 'https://pdx.example/problems/service-unavailable',
  title: '目录服务暂不可用',
  status: 503,
  detail: '数据库连接池已满，请稍后再试。',
};

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}
