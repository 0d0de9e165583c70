// A problem in words: its title and detail in the chosen language, the policy's reasons, the fields.
import { Alert, Button, Space } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages';
import { MESSAGES } from '../i18n/messages';
import { CLIENT_PROBLEM, inLanguage, pickLanguage, problemOf, problemSlug, reasonText, type Problem } from '../lib/problem';

const STATUS_TITLES: Record<number, MessageKey> = {
  401: 'problem_401',
  403: 'problem_403',
  404: 'problem_404',
  409: 'problem_409',
  503: 'problem_503',
};

export function problemTitle(problem: Problem, locale: 'zh' | 'en', t: (k: MessageKey) => string): string {
  if (problem.type === CLIENT_PROBLEM.network) return t('problem_network');
  if (problem.type === CLIENT_PROBLEM.badResponse) return t('problem_badResponse');
  const title = pickLanguage(problem.title, locale);
  // A title in the other language only (no " / " pair): fall back to the status's own words.
  const cjk = /[\u3400-\u9fff]/.test(title);
  const key = STATUS_TITLES[problem.status];
  if (key && ((locale === 'zh' && !cjk) || (locale === 'en' && cjk))) return `${t(key)} (${title})`;
  return title;
}

/**
 * The detail in the console's language: the server's when it is written in it, else the console's own words for
 * the problem types it knows (problemDetail_<slug>), else the server's as it is.
 */
export function problemDetail(problem: Problem, locale: 'zh' | 'en'): string {
  const detail = pickLanguage(problem.detail, locale);
  if (!detail || inLanguage(detail, locale)) return detail;
  const key = `problemDetail_${problemSlug(problem.type)}`;
  return key in MESSAGES[locale] ? MESSAGES[locale][key as MessageKey] : detail;
}

export function ProblemAlert({
  error,
  problem: given,
  onRetry,
  compact,
}: {
  error?: unknown;
  problem?: Problem;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { locale, t } = useI18n();
  const problem = given ?? problemOf(error);
  const detail = problemDetail(problem, locale);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={problemTitle(problem, locale, t)}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {detail && <span>{detail}</span>}
          {problem.reasons.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problem.reasons.map((r, i) => (
                <li key={`${r.code}-${i}`}>{reasonText(r, locale)}</li>
              ))}
            </ul>
          )}
          {!compact && problem.errors.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problem.errors.map((e, i) => (
                <li key={`${e.field}-${i}`}>
                  <code>{e.field}</code>: {pickLanguage(e.message, locale)}
                </li>
              ))}
            </ul>
          )}
          {problem.status > 0 && <span style={{ fontSize: 12 }}>{t('status_label', { status: problem.status })}</span>}
          {onRetry && (
            <Button size="small" onClick={onRetry}>
              {t('retry')}
            </Button>
          )}
        </Space>
      }
    />
  );
}
