import { Button, Card, Collapse, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import { type PetitionDetail, printLetter, saveLetter } from './api.ts';

/** The letters a petition produced (受理告知书, 处理意见书 …): read, print, save as .txt. */
export function LettersList({ letters }: { letters: PetitionDetail['letters'] }) {
  const { t } = useTranslation();
  if (letters.length === 0) return <EmptyState description={t('petitions.noLetters')} />;
  return (
    <Collapse
      items={letters.map((l) => ({
        key: l.id,
        label: `${l.title} · ${formatDateTime(l.createdAt)}`,
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
