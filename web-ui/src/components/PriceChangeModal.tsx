// 调价: the bureau admin's new unit price for a listed, priced product, typed in yuan and sent in whole fen, never above
// the cap (checked here, and the server's 422 shown on the field), with the basis of the price.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { changeProductPrice } from '../api/endpoints';
import type { PriceRule, ProductView } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { checkNewPrice, newPriceErrorText } from '../lib/fees';
import { formatFen } from '../lib/format';
import { pickLanguage, problemOf, type Problem } from '../lib/problem';
import { ProblemAlert } from './ProblemAlert';
import { usePriceText } from './PriceRuleText';

export interface PricedProduct {
  id: string;
  nameZh?: string | null;
  nameEn?: string | null;
  priceRule?: PriceRule | null;
}

interface Values {
  price: string;
  basis: string;
}

export function PriceChangeModal({
  product,
  onClose,
  onChanged,
}: {
  product: PricedProduct | null;
  onClose: () => void;
  onChanged: (view: ProductView) => void;
}) {
  const { t, locale } = useI18n();
  const priceText = usePriceText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const cap = product?.priceRule?.capFen ?? null;
  const change = useMutation({
    mutationFn: (v: { id: string; unitPriceFen: number; basis: string }) => changeProductPrice(v.id, { unitPriceFen: v.unitPriceFen, basis: v.basis }),
    onSuccess: (view) => {
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      void queryClient.invalidateQueries({ queryKey: ['fee-notices'] });
      onChanged(view);
    },
    onError: (e) => {
      const p = problemOf(e);
      const onFields = p.errors.filter((err) => err.field === 'unitPriceFen' || err.field === 'basis');
      form.setFields(onFields.map((err) => ({ name: err.field === 'unitPriceFen' ? 'price' : 'basis', errors: [pickLanguage(err.message, locale)] })));
      // What is said on a field is not said again above the form.
      setProblem(onFields.length > 0 && onFields.length === p.errors.length ? null : p);
    },
  });
  const close = () => {
    setProblem(null);
    change.reset();
    onClose();
  };
  const name = product ? (locale === 'zh' ? product.nameZh : product.nameEn || product.nameZh) ?? '' : '';
  return (
    <Modal
      open={product !== null}
      title={t('priceChangeTitle', { name })}
      okText={t('priceChange')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: change.isPending, 'data-testid': 'price-change-submit' }}
      onCancel={close}
      onOk={() =>
        void form.validateFields().then((v) => {
          const checked = checkNewPrice(v.price, cap);
          if (product && checked.ok) change.mutate({ id: product.id, unitPriceFen: checked.fen, basis: v.basis.trim() });
        }, () => undefined)
      }
      destroyOnHidden
    >
      {problem && (
        <div style={{ marginBottom: 12 }}>
          <ProblemAlert problem={problem} compact />
        </div>
      )}
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('priceChangeCurrent')}>{priceText(product?.priceRule)}</Descriptions.Item>
        <Descriptions.Item label={t('priceChangeCap')}>
          <span data-testid="price-change-cap">{formatFen(locale, cap)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="price"
          label={t('priceChangeNew')}
          extra={t('priceChangeNewHelp', { cap: formatFen(locale, cap) })}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const checked = checkNewPrice(value ?? '', cap);
                return checked.ok ? Promise.resolve() : Promise.reject(new Error(newPriceErrorText(locale, checked.error, cap)));
              },
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" autoComplete="off" data-testid="price-change-price" />
        </Form.Item>
        <Form.Item
          name="basis"
          label={t('priceChangeBasis')}
          extra={t('priceChangeBasisHelp')}
          rules={[{ required: true, whitespace: true, message: t('priceChangeBasisRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="price-change-basis" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** After 调价: the price now in force, and the way to its fee notice. */
export function PriceChangedAlert({ product, onClose }: { product: ProductView; onClose: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Alert
      type="success"
      showIcon
      closable
      onClose={onClose}
      title={t('priceChanged', { price: formatFen(locale, product.priceRule?.unitPriceFen) })}
      description={
        <Link to={`/fees?product=${encodeURIComponent(product.id ?? '')}`} data-testid="price-changed-notice">
          {t('priceChangedNotice')}
        </Link>
      }
      style={{ marginBottom: 16 }}
      data-testid="price-changed"
    />
  );
}
