// A dataset draft (数据集草稿) of the holding department: started from a CSV sample read in the browser only (columns,
// types, tags suggested with their reasons, METRIC bounds), edited by the provider, saved with POST or PUT; the API's
// field errors beside the fields.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Upload } from 'antd';
import { DeleteOutlined, FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { createDataset, proposeGrade, updateDataset } from '../api/endpoints';
import type { DatasetDraft, DatasetSummary, GradeProposalRequest } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { useReference } from '../hooks';
import { problemOf, pickLanguage, type Problem } from '../lib/problem';
import { fieldPath, inferColumns, parseCsv, suggestEntityColumn, type InferredColumn, type Reason } from '../lib/sampleInference';
import { readParquetSample } from '../lib/parquetSample';
import { ProblemAlert } from './ProblemAlert';
import { ColumnTagBadge } from './Tags';

const TYPES = ['VARCHAR', 'INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL', 'BOOLEAN', 'DATE', 'TIMESTAMP'];
const TAGS = ['IDENTIFIER', 'QUASI_IDENTIFIER', 'SENSITIVE', 'ATTRIBUTE', 'METRIC'];
const FREQUENCIES = ['REALTIME', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY', 'IRREGULAR'];
/** How much of a sample file is read (in the browser): enough for its header and first rows. */
const SAMPLE_BYTES = 256 * 1024;
const SAMPLE_ROWS = 200;

interface ColumnRow {
  header?: string;
  name: string;
  type: string;
  tag: string;
  description?: string;
  lower?: number | null;
  upper?: number | null;
  granularity?: number | null;
}

type DraftValues = Omit<DatasetDraft, 'columns' | 'lockVersion'> & { columns: ColumnRow[] };

export function DraftForm({
  dataset,
  defaults,
  onSaved,
  onCancel,
}: {
  dataset: DatasetSummary | null;
  defaults: { providerName?: string; spatialCoverage?: string };
  onSaved: (saved: DatasetSummary) => void;
  onCancel: () => void;
}) {
  const { t, te, locale } = useI18n();
  const { reference } = useReference();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DraftValues>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [suggestions, setSuggestions] = useState<Record<string, InferredColumn>>({});
  const [sample, setSample] = useState<{ name: string; rows: number } | null>(null);
  const [sampleEmpty, setSampleEmpty] = useState(false);
  // after a sample is read, the policy's proposal is taken as the grade once (the provider may change it)
  const [takeProposal, setTakeProposal] = useState(false);
  const columns: ColumnRow[] = Form.useWatch('columns', form) ?? [];
  const sharingType = Form.useWatch('sharingType', form);
  const category = Form.useWatch('category', form);
  const rowCount = Form.useWatch('rowCount', form);
  // The grade and its reasons come from the policy (data.pdx.grading), asked as the columns are tagged.
  const tagged = columns.filter((c) => c?.name && c?.tag).map((c) => ({ name: c.name, tag: c.tag as NonNullable<GradeProposalRequest['columns']>[number]['tag'] }));
  const proposal = useQuery({
    queryKey: ['grade-proposal', category, rowCount, tagged],
    queryFn: () => proposeGrade({ category: category ?? null, rowCount: typeof rowCount === 'number' ? rowCount : null, columns: tagged }),
    enabled: tagged.length > 0,
    staleTime: 60_000,
  });
  useEffect(() => {
    if (takeProposal && proposal.data?.grade) {
      form.setFieldsValue({ grade: proposal.data.grade });
      setTakeProposal(false);
    }
  }, [takeProposal, proposal.data, form]);

  const save = useMutation({
    mutationFn: (v: DraftValues) => {
      const draft: DatasetDraft = {
        ...v,
        description: v.description ?? null,
        sharingCondition: v.sharingType === 'UNCONDITIONAL' ? null : v.sharingCondition ?? null,
        timeCoverageStart: dataset?.timeCoverageStart ?? null,
        timeCoverageEnd: dataset?.timeCoverageEnd ?? null,
        columns: v.columns.map((c) => ({
          name: c.name,
          type: c.type as DatasetDraft['columns'][number]['type'],
          tag: c.tag as DatasetDraft['columns'][number]['tag'],
          ...(c.description ? { description: c.description } : {}),
          ...(c.tag === 'METRIC' && isNum(c.lower) && isNum(c.upper) && isNum(c.granularity)
            ? { lower: c.lower, upper: c.upper, granularity: c.granularity }
            : {}),
        })),
        ...(dataset ? { lockVersion: dataset.lockVersion ?? 0 } : {}),
      };
      return dataset?.id ? updateDataset(dataset.id, draft) : createDataset(draft);
    },
    onSuccess: (saved) => {
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['provider-datasets'] });
      void queryClient.invalidateQueries({ queryKey: ['dataset', saved.id] });
      onSaved(saved);
    },
    onError: (e) => {
      const p = problemOf(e);
      setProblem(p);
      form.setFields(p.errors.map((err) => ({ name: fieldPath(err.field) as never, errors: [pickLanguage(err.message, locale)] })));
    },
  });

  async function readSample(file: File) {
    const parquet = /\.parquet$/i.test(file.name);
    const { header, rows } = parquet
      ? await readParquetSample(file, SAMPLE_ROWS).catch(() => ({ header: [] as string[], rows: [] as string[][] }))
      : parseCsv(await file.slice(0, SAMPLE_BYTES).text(), SAMPLE_ROWS);
    if (header.length === 0) {
      setSample(null);
      setSampleEmpty(true);
      return;
    }
    setSampleEmpty(false);
    const inferred = inferColumns(header, rows);
    setSuggestions(Object.fromEntries(inferred.map((c) => [c.header, c])));
    setSample({ name: file.name, rows: rows.length });
    setTakeProposal(true);
    form.setFieldsValue({
      columns: inferred.map((c) => ({
        header: c.header,
        name: c.name,
        type: c.type,
        tag: c.tag,
        description: /[^\x20-\x7e]/.test(c.header) ? c.header : '',
        lower: c.lower ?? null,
        upper: c.upper ?? null,
        granularity: c.granularity ?? null,
      })),
      entityColumn: suggestEntityColumn(inferred) ?? '',
    });
  }

  // The taxonomy may arrive after the form: a new draft starts in its first category.
  const firstCategory = reference.taxonomy[0]?.code;
  useEffect(() => {
    if (!dataset && firstCategory && !form.getFieldValue('category')) form.setFieldsValue({ category: firstCategory });
  }, [dataset, firstCategory, form]);

  const reasonText = (r: Reason) => t(`reason_${r.code}` as MessageKey, r.params ?? {});
  const gradeInfo = (g: string) => {
    const k = reference.grades.includes(g) ? g : 'GENERAL';
    return te('gradeHelp_', k);
  };

  const initial: Partial<DraftValues> = dataset
    ? {
        nameZh: dataset.nameZh ?? '',
        nameEn: dataset.nameEn ?? '',
        description: dataset.description ?? '',
        category: dataset.category ?? '',
        grade: dataset.grade ?? 'GENERAL',
        providerName: dataset.providerName ?? '',
        updateFrequency: dataset.updateFrequency ?? 'DAILY',
        spatialCoverage: dataset.spatialCoverage ?? '',
        sharingType: dataset.sharingType ?? 'CONDITIONAL',
        sharingCondition: dataset.sharingCondition ?? '',
        openness: dataset.openness ?? 'AUTHORIZED_OPERATION',
        // The dataset view does not carry entityColumn (API gap): the first IDENTIFIER column stands in.
        entityColumn: suggestEntityColumn((dataset.columns ?? []).map((c) => ({ name: c.name, tag: c.tag }))) ?? '',
        columns: (dataset.columns ?? []).map((c) => ({
          name: c.name,
          type: c.type,
          tag: c.tag,
          description: c.description ?? '',
          lower: c.lower ?? null,
          upper: c.upper ?? null,
          granularity: c.granularity ?? null,
        })),
      }
    : {
        grade: 'GENERAL',
        updateFrequency: 'DAILY',
        sharingType: 'CONDITIONAL',
        openness: 'AUTHORIZED_OPERATION',
        providerName: defaults.providerName ?? '',
        spatialCoverage: defaults.spatialCoverage ?? '',
        category: reference.taxonomy[0]?.code ?? '',
        columns: [],
      };

  return (
    <Card
      title={<h2 className="pdx-card-title">{dataset ? t('draftEditTitle', { name: dataset.nameZh ?? '' }) : t('draftNewTitle')}</h2>}
      data-testid="draft-form-card"
    >
      {!dataset && (
        <section aria-labelledby="sample-heading" className="pdx-sample">
          <h3 id="sample-heading" className="pdx-h3">
            {t('sampleTitle')}
          </h3>
          <Alert type="info" showIcon title={t('sampleStaysInBrowser')} style={{ marginBottom: 8 }} />
          <Upload
            accept=".csv,text/csv,.parquet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void readSample(file);
              return false; // read here, never sent
            }}
          >
            <Button icon={<FileSearchOutlined />} data-testid="sample-file">
              {t('sampleChoose')}
            </Button>
          </Upload>
          {sampleEmpty && <Alert type="warning" showIcon title={t('sampleEmpty')} style={{ marginTop: 8 }} />}
          {sample && (
            <p className="pdx-subtle-dark" data-testid="sample-read" style={{ marginTop: 8 }}>
              {t('sampleRead', { file: sample.name, rows: sample.rows, columns: columns.length })}
            </p>
          )}
        </section>
      )}
      {problem && (
        <div style={{ margin: '16px 0' }} data-testid="draft-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<DraftValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="draft-form" style={{ maxWidth: 960 }}>
        <div className="pdx-form-grid">
          <Form.Item name="nameZh" label={t('draftNameZh')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
            <Input data-testid="draft-nameZh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('draftNameEn')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
            <Input data-testid="draft-nameEn" />
          </Form.Item>
          <Form.Item name="category" label={t('draftCategory')} rules={[{ required: true, message: t('required') }]}>
            <Select
              showSearch
              data-testid="draft-category"
              aria-label={t('draftCategory')}
              options={reference.taxonomy.map((c) => ({ value: c.code, label: locale === 'zh' ? c.nameZh : c.nameEn }))}
            />
          </Form.Item>
          <Form.Item name="providerName" label={t('draftProviderName')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input data-testid="draft-providerName" />
          </Form.Item>
          <Form.Item name="updateFrequency" label={t('draftFrequency')} rules={[{ required: true, message: t('required') }]}>
            <Select aria-label={t('draftFrequency')} options={FREQUENCIES.map((f) => ({ value: f, label: te('freq_', f) }))} />
          </Form.Item>
          <Form.Item
            name="spatialCoverage"
            label={t('draftSpatial')}
            extra={t('draftSpatialHelp')}
            rules={[{ required: true, message: t('required') }, { pattern: /^[0-9]{6}$/, message: t('draftSpatialInvalid') }]}
          >
            <Input inputMode="numeric" maxLength={6} data-testid="draft-spatial" />
          </Form.Item>
        </div>
        <Form.Item name="description" label={t('draftDescription')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="grade"
          label={t('draftGrade')}
          rules={[{ required: true, message: t('required') }]}
          extra={
            proposal.data ? (
              <div data-testid="grade-proposal" data-grade={proposal.data.grade ?? ''}>
                <span>{t('gradeProposed', { grade: te('grade_', proposal.data.grade ?? 'GENERAL') })}</span>{' '}
                {form.getFieldValue('grade') !== proposal.data.grade && (
                  <Button type="link" size="small" onClick={() => form.setFieldsValue({ grade: proposal.data?.grade ?? undefined })} data-testid="grade-proposal-take">
                    {t('gradeProposalTake')}
                  </Button>
                )}
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {(proposal.data.reasons ?? []).map((r) => (
                    <li key={r.code}>{locale === 'zh' ? r.message_zh : r.message_en}</li>
                  ))}
                </ul>
              </div>
            ) : (
              t('draftGradeHelp')
            )
          }
        >
          <Radio.Group>
            <Space orientation="vertical">
              {['GENERAL', 'IMPORTANT', 'CORE'].map((g) => (
                <Radio key={g} value={g} data-testid={`draft-grade-${g}`}>
                  <strong>{te('grade_', g)}</strong> — {gradeInfo(g)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <div className="pdx-form-grid">
          <Form.Item name="sharingType" label={t('sharingType')} rules={[{ required: true, message: t('required') }]}>
            <Radio.Group options={['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'].map((s) => ({ value: s, label: te('sharing_', s) }))} />
          </Form.Item>
          <Form.Item name="openness" label={t('draftOpenness')} rules={[{ required: true, message: t('required') }]}>
            <Radio.Group options={['OPEN', 'AUTHORIZED_OPERATION', 'NOT_OPEN'].map((s) => ({ value: s, label: te('openness_', s) }))} />
          </Form.Item>
        </div>
        {sharingType !== 'UNCONDITIONAL' && (
          <Form.Item
            name="sharingCondition"
            label={t('sharingCondition')}
            extra={t('draftSharingConditionHelp')}
            rules={[{ required: true, whitespace: true, message: t('required') }, { max: 4000 }]}
          >
            <Input.TextArea rows={2} data-testid="draft-sharingCondition" />
          </Form.Item>
        )}

        <h3 className="pdx-h3">{t('draftColumns')}</h3>
        <p className="pdx-subtle-dark">{t('draftColumnsHelp')}</p>
        <Form.List name="columns" rules={[{ validator: async (_, v: unknown[] | undefined) => { if (!v || v.length === 0) throw new Error(t('draftColumnsRequired')); } }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => {
                const row = columns[i];
                const s = row?.header ? suggestions[row.header] : undefined;
                const label = row?.name || `#${i + 1}`;
                return (
                  <fieldset key={f.key} className="pdx-column-row" data-testid={`draft-column-${i}`}>
                    <legend className="pdx-sr-only">{t('draftColumnLegend', { n: i + 1, name: label })}</legend>
                    <Form.Item name={[f.name, 'header']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={t('colColumn')}
                      rules={[{ required: true, message: t('required') }, { pattern: /^[a-z_][a-z0-9_]{0,62}$/, message: t('draftColumnNameInvalid') }]}
                    >
                      <Input style={{ width: 170 }} data-testid={`draft-column-name-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'type']} label={t('colType')} rules={[{ required: true, message: t('required') }]}>
                      <Select style={{ width: 130 }} aria-label={`${t('colType')} ${label}`} options={TYPES.map((x) => ({ value: x, label: x }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'tag']} label={t('colTag')} rules={[{ required: true, message: t('required') }]}>
                      <Select
                        style={{ width: 150 }}
                        aria-label={`${t('colTag')} ${label}`}
                        data-testid={`draft-column-tag-${i}`}
                        options={TAGS.map((x) => ({ value: x, label: te('tag_', x) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} label={t('colDescription')} rules={[{ max: 500 }]}>
                      <Input style={{ width: 200 }} />
                    </Form.Item>
                    {row?.tag === 'METRIC' && (
                      <>
                        <Form.Item name={[f.name, 'lower']} label={t('boundLower')}>
                          <InputNumber style={{ width: 110 }} data-testid={`draft-column-lower-${i}`} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'upper']} label={t('boundUpper')}>
                          <InputNumber style={{ width: 110 }} data-testid={`draft-column-upper-${i}`} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'granularity']} label={t('boundGranularity')}>
                          <Select
                            style={{ width: 110 }}
                            aria-label={`${t('boundGranularity')} ${label}`}
                            allowClear
                            options={[0.000001, 0.0001, 0.01, 0.1, 1, 10, 100, 1000].map((g) => ({ value: g, label: String(g) }))}
                          />
                        </Form.Item>
                      </>
                    )}
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('draftColumnRemove', { name: label })}
                      onClick={() => remove(f.name)}
                      className="pdx-column-remove"
                    />
                    {s && (
                      <p className="pdx-suggestion" data-testid={`draft-suggestion-${i}`}>
                        {t('suggested')}: <ColumnTagBadge tag={s.tag} /> {s.type}
                        {s.lower !== undefined ? ` [${s.lower}, ${s.upper}]` : ''} — {reasonText(s.reason)}
                        {row?.tag !== s.tag ? ` ${t('suggestionChanged')}` : ''}
                      </p>
                    )}
                  </fieldset>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', type: 'VARCHAR', tag: 'ATTRIBUTE', description: '' })} style={{ marginBottom: 16 }}>
                {t('draftColumnAdd')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="entityColumn" label={t('draftEntityColumn')} extra={t('draftEntityColumnHelp')} rules={[{ required: true, message: t('required') }]}>
          <Select
            style={{ maxWidth: 300 }}
            aria-label={t('draftEntityColumn')}
            data-testid="draft-entityColumn"
            options={columns.filter((c) => c?.name).map((c) => ({ value: c.name, label: c.name }))}
          />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="draft-save">
            {t('draftSave')}
          </Button>
          <Button onClick={onCancel}>{t('cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
