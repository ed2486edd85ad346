import { AimOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { clueFromConcern, clueFromReport, clueKeys } from './api.ts';
import { CLUE_PERMISSIONS } from './permissions.ts';

/** 转为线索 on a 12369 report or a reception concern: opens the new clue. */
export function ToClueButton({ from, id }: { from: 'report' | 'concern'; id: string }) {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const showError = useShowError();
  const make = useMutation({
    mutationFn: () => (from === 'report' ? clueFromReport(id) : clueFromConcern(id)),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: clueKeys.all });
      navigate(`/staff/clues/${encodeURIComponent(d.clue.id)}`);
    },
    onError: showError,
  });
  if (!canAccess(roles, CLUE_PERMISSIONS.register)) return null;
  return (
    <Button icon={<AimOutlined />} loading={make.isPending} onClick={() => make.mutate()} data-testid="to-clue">
      {t('clues.toClue')}
    </Button>
  );
}
