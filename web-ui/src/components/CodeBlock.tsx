// Read-only code with a copy button.
import { App, Button } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nContext';

export function CodeBlock({ code, label }: { code: string; label: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      void message.success(t('copied'));
    } catch {
      /* clipboard unavailable: the text can still be selected */
    }
  };
  return (
    <div className="pdx-code">
      <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()} className="pdx-code-copy" aria-label={`${t('copy')} ${label}`}>
        {t('copy')}
      </Button>
      <pre tabIndex={0} aria-label={label}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
