import { Button, Card, Collapse, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { type PetitionDetail, printLetter, saveLetter } from './api.ts';
import { letterTitle } from './labels.ts';

/** The letters a petition produced (受理告知书, 处理意见书 …): read, print, save as .txt. */
export function LettersList({ letters }: { letters: PetitionDetail['letters'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (letters.length === 0) return <EmptyState description={t('petitions.noLetters')} />;
  return (
    <Collapse
      items={letters.map((l) => ({
        key: l.id,
        // the letter itself is the Chinese document; its heading in the list follows the reader
        label: `${lang === 'en' ? letterTitle(l.kind, lang, l.title) : l.title} · ${formatDateTime(l.createdAt)}`,
        children: (
          <Card size="small" variant="borderless">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{l.body}</Typography.Paragraph>
            <Flex gap={8}>
              <Button size="small" onClick={() => printLetter(l.title, l.body)}>
                {t('petitions.print')}
              </Button>
              <Button size="small" onClick={() => saveLetter(l.title, l.body)}>
                {t('petitions.download')}
              </Button>
            </Flex>
          </Card>
        ),
      }))}
    />
  );
}
