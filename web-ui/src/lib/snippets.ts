// The same job as a developer would call it without the browser: curl and Python.

export interface SnippetInput {
  origin: string;
  jobId: string;
  licenseId: string;
  sql: string;
  epsilon?: number | null;
  tokenUrl: string;
}

function shellSingleQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlSnippet(i: SnippetInput): string {
  const body = JSON.stringify({ licenseId: i.licenseId, sql: i.sql, ...(i.epsilon ? { epsilon: i.epsilon } : {}) });
  return [
    '# 令牌 / token (service account of your organization)',
    `TOKEN=$(curl -s ${i.tokenUrl} -d grant_type=client_credentials \\`,
    `  -d client_id=$CLIENT_ID -d client_secret=$CLIENT_SECRET | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')`,
    '',
    '# 提交作业 / submit the job',
    `curl -s -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\`,
    `  ${i.origin}/api/v1/sandbox/jobs -d ${shellSingleQuote(body)}`,
    '',
    '# 作业状态 / the job (waits up to 10 s)',
    `curl -s -H "Authorization: Bearer $TOKEN" '${i.origin}/api/v1/sandbox/jobs/${i.jobId}?wait=PT10S'`,
    '',
    '# 下载结果 (Arrow IPC stream) / download the released result',
    `curl -s -H "Authorization: Bearer $TOKEN" ${i.origin}/api/v1/sandbox/jobs/${i.jobId}/result -o result.arrows`,
    '# 或 Parquet / or as Parquet',
    `curl -s -H "Authorization: Bearer $TOKEN" '${i.origin}/api/v1/sandbox/jobs/${i.jobId}/result?format=parquet' -o result.parquet`,
  ].join('\n');
}

function pyString(s: string): string {
  return JSON.stringify(s);
}

export function pythonSnippet(i: SnippetInput): string {
  return [
    'import os, requests, pyarrow as pa',
    '',
    `API = ${pyString(i.origin + '/api/v1')}`,
    `token = requests.post(${pyString(i.tokenUrl)}, data={`,
    '    "grant_type": "client_credentials",',
    '    "client_id": os.environ["CLIENT_ID"], "client_secret": os.environ["CLIENT_SECRET"],',
    '}).json()["access_token"]',
    'auth = {"Authorization": f"Bearer {token}"}',
    '',
    '# submit the same statement (a repeated statement is answered from the earlier result at no cost)',
    `job = requests.post(f"{API}/sandbox/jobs", headers=auth, json={`,
    `    "licenseId": ${pyString(i.licenseId)},`,
    `    "sql": ${pyString(i.sql)},` + (i.epsilon ? `\n    "epsilon": ${i.epsilon},` : ''),
    '}).json()',
    '',
    `# or read this job: ${i.jobId}`,
    `job = requests.get(f"{API}/sandbox/jobs/${i.jobId}", params={"wait": "PT10S"}, headers=auth).json()`,
    'res = requests.get(f"{API}/sandbox/jobs/{job[\'id\']}/result", headers=auth)',
    'res.raise_for_status()',
    'table = pa.ipc.open_stream(res.content).read_all()',
    'print(table.to_pandas())',
  ].join('\n');
}
