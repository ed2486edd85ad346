// The answer to a failed look-up by code and phone (booking, petition), shown inline under the
// form: a mistyped code is the user's everyday slip, not a page that failed to load.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { lookupErrorText } from './lookupError.ts';

export function LookupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { title, hint } = lookupErrorText(error, t);
  return <Alert type="warning" showIcon role="alert" data-testid="lookup-error" title={title} description={hint} />;
}
