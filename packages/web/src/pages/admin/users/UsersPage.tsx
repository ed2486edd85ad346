import { EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_ROLES } from '../../../access.ts';
import { applyFieldErrors, errorMessage, useShowError } from '../../../api/errors.ts';
import { ApiError } from '../../../api/http.ts';
import type { Role, User } from '../../../api/types.ts';
import { DateTimeText } from '../../../components/DateTimeText.tsx';
import { useMessage } from '../../../components/feedback.tsx';
import {
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../../components/list-page/index.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { formatDateTime } from '../../../utils/datetime.ts';
import { listEnterprises } from '../../enterprises/api.ts';
import { clearUserSignInWaits, createUser, listUsers, resetUserPassword, updateUser, userKeys } from './api.ts';

interface UserFormValues {
  username?: string;
  displayName?: string;
  roles?: Role[];
  enterpriseId?: string | null;
  phone?: string;
}

/** One-time password shown after create or reset: never fetched again. */
interface ShownPassword {
  title: string;
  name: string;
  password: string;
}

function useRoleOptions() {
  const { t } = useTranslation();
  return useMemo(() => ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })), [t]);
}

/**
 * Select of enterprises searched on the server by name, code or pinyin initials. The form item gives
 * it its `id`, which its label points to: passed on, the label names the select.
 */
function EnterprisePicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['enterprises', 'picker', q],
    queryFn: ({ signal }) => listEnterprises({ q: q || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      loading={found.isFetching}
      placeholder={t('users.enterprisePlaceholder')}
      options={(found.data?.items ?? []).map((e) => ({
        value: e.id,
        label: t('common.parenthetical', { text: e.name, note: e.uscc }),
      }))}
      data-testid="user-enterprise"
    />
  );
}

function UserModal({
  user,
  open,
  onClose,
  onCreated,
}: {
  user: User | null;
  open: boolean;
  onClose: () => void;
  onCreated: (user: User, password: string) => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserFormValues>();
  const roleOptions = useRoleOptions();
  // the roles chosen in the form (the edited account's, not the signed-in user's)
  const chosenRoles = Form.useWatch('roles', form);
  const [error, setError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: async (v: UserFormValues) => {
      const phone = v.phone?.trim() ? v.phone.trim() : null;
      if (user) {
        return {
          user: await updateUser(user.id, {
            displayName: v.displayName?.trim(),
            roles: v.roles,
            phone,
            version: user.version,
          }),
        };
      }
      return createUser({
        username: (v.username ?? '').trim(),
        displayName: (v.displayName ?? '').trim(),
        roles: v.roles ?? [],
        enterpriseId: v.roles?.includes('enterprise') ? (v.enterpriseId ?? null) : null,
        phone,
      });
    },
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      if ('initialPassword' in r && typeof r.initialPassword === 'string') onCreated(r.user, r.initialPassword);
      else void message.success(t('users.updated'));
      onClose();
    },
    onError: (e) => {
      const unplaced = e instanceof ApiError ? applyFieldErrors(form, e) : [];
      if (e instanceof ApiError && e.code === 'USERNAME_TAKEN') {
        form.setFields([{ name: 'username', errors: [errorMessage(e, t)] }]);
      } else if (!(e instanceof ApiError) || e.errors.length === 0 || unplaced.length > 0) {
        setError(
          [errorMessage(e, t), ...unplaced.map((u) => `${u.path}: ${u.message}`)].join(t('common.clauseSeparator')),
        );
      }
    },
  });

  return (
    <Modal
      open={open}
      title={user ? t('users.editTitle') : t('users.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-save' } as Record<string, string>}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        name="user"
        preserve={false}
        initialValues={
          user
            ? { displayName: user.displayName, roles: user.roles, phone: user.phone ?? '' }
            : { roles: [], enterpriseId: null }
        }
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
        data-testid="user-form"
      >
        {user ? (
          <Form.Item label={t('users.username')}>
            <Typography.Text code>{user.username}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            label={t('users.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}
          >
            <Input maxLength={32} autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={50} data-testid="user-display-name" />
        </Form.Item>
        <Form.Item
          label={t('users.roles')}
          name="roles"
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Select mode="multiple" options={roleOptions} data-testid="user-roles" />
        </Form.Item>
        {!user && chosenRoles?.includes('enterprise') ? (
          <Form.Item
            label={t('users.enterprise')}
            name="enterpriseId"
            rules={[{ required: true, message: t('users.enterpriseRequired') }]}
          >
            <EnterprisePicker />
          </Form.Item>
        ) : null}
        <Form.Item label={t('users.phone')} name="phone">
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const userListQuery = defineListQuery({
  filters: { q: textFilter(), role: oneOfFilter(ALL_ROLES) },
  sorts: ['username', '-username', 'displayName', '-displayName', 'lastLoginAt', '-lastLoginAt'] as const,
  pageSizes: [10, 20, 50, 100],
});

/** 用户管理: list, create (one-time initial password), edit roles, disable/enable, reset password. */
export default function UsersPage() {
  const { t } = useTranslation();
  const message = useMessage();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const list = useListQuery(userListQuery);
  const { query, update } = list;
  const [editing, setEditing] = useState<User | null | undefined>(undefined); // undefined = closed, null = new
  const [shown, setShown] = useState<ShownPassword | null>(null);

  const users = useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });

  const toggle = useMutation({
    mutationFn: (u: User) => updateUser(u.id, { disabled: !u.disabled, version: u.version }),
    onSuccess: () => {
      void message.success(t('users.updated'));
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: showError,
  });

  const reset = useMutation({
    mutationFn: (u: User) => resetUserPassword(u.id),
    onSuccess: ({ password }, u) => {
      setShown({ title: t('users.newPasswordTitle'), name: u.displayName, password });
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: showError,
  });

  const clearWaits = useMutation({
    mutationFn: (u: User) => clearUserSignInWaits(u.id),
    onSuccess: () => {
      void message.success(t('users.waitsCleared'));
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: showError,
  });

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="user-create">
          {t('users.create')}
        </Button>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchLabel')}
          enterButton={t('common.search')}
          defaultValue={query.q}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={{ width: 300 }}
          data-testid="user-search"
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('users.rolePlaceholder')}
          aria-label={t('users.roles')}
          options={roleOptions}
          value={query.role}
          onChange={(role?: Role) => update({ role })}
          data-testid="user-role-filter"
        />
      </Flex>
      <PagedTable<User, typeof query>
        list={list}
        result={users}
        scroll={{ x: 'max-content' }}
        data-testid="user-table"
        columns={[
          {
            title: t('users.username'),
            dataIndex: 'username',
            key: 'username',
            sorter: true,
            render: (v: string) => <code>{v}</code>,
          },
          { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', sorter: true },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
          },
          {
            title: t('users.enterprise'),
            dataIndex: 'enterpriseName',
            render: (v: string | null) => v ?? t('common.none'),
          },
          { title: t('users.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? t('common.none') },
          {
            title: t('users.state'),
            key: 'state',
            render: (_: unknown, u) => {
              const state = u.disabled ? (
                <Tag color="default">{t('users.disabled')}</Tag>
              ) : (
                <Tag color="green">{t('users.active')}</Tag>
              );
              // waits are per client address: the holder may still sign in from elsewhere
              const wait = u.signInBlockedUntil ? (
                <Tag color="orange">{t('users.signInWait', { until: formatDateTime(u.signInBlockedUntil) })}</Tag>
              ) : null;
              const failures =
                u.recentSignInFailures > 0 ? (
                  <Tag color={u.signInBlockedUntil ? 'orange' : 'default'}>
                    {t('users.recentFailures', { count: u.recentSignInFailures })}
                  </Tag>
                ) : null;
              return (
                <Space size={4} wrap>
                  {state}
                  {wait}
                  {failures}
                </Space>
              );
            },
          },
          {
            title: t('users.lastLoginAt'),
            dataIndex: 'lastLoginAt',
            key: 'lastLoginAt',
            sorter: true,
            render: (v: string | null) => <DateTimeText value={v} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            // the table is wider than the page (long names, English headings): keep the account's
            // buttons in view instead of past the right edge
            fixed: 'right',
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={
                    u.disabled
                      ? t('users.enableConfirm', { name: u.displayName })
                      : t('users.disableConfirm', { name: u.displayName })
                  }
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => toggle.mutate(u)}
                >
                  <Button size="small" danger={!u.disabled} icon={u.disabled ? <UnlockOutlined /> : <StopOutlined />}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                </Popconfirm>
                {(u.signInBlockedUntil || u.recentSignInFailures > 0) && (
                  <Popconfirm
                    title={t('users.clearWaitsConfirm', { name: u.displayName })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => clearWaits.mutate(u)}
                  >
                    <Button size="small" icon={<UnlockOutlined />}>
                      {t('users.clearWaits')}
                    </Button>
                  </Popconfirm>
                )}
                <Popconfirm
                  title={t('users.resetConfirm', { name: u.displayName })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => reset.mutate(u)}
                >
                  <Button size="small" icon={<KeyOutlined />}>
                    {t('users.resetPassword')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <UserModal
        key={editing === undefined ? 'closed' : (editing?.id ?? 'new')}
        user={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onCreated={(u, password) => setShown({ title: t('users.initialPasswordTitle'), name: u.displayName, password })}
      />
      <Modal
        open={shown !== null}
        title={shown?.title}
        onCancel={() => setShown(null)}
        footer={
          <Button type="primary" onClick={() => setShown(null)}>
            {t('common.close')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('users.passwordOnce')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph>{t('users.passwordFor', { name: shown?.name ?? '' })}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: shown?.password ?? '' }} style={{ fontSize: 20 }}>
          <code data-testid="one-time-password">{shown?.password}</code>
        </Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
