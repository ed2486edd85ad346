const strings = {
  deliveries: {
    title: '投递记录',
    status: '状态',
    statuses: { pending: '待发送', sending: '发送中', sent: '已送达', failed: '失败' },
    channel: '渠道',
    channels: { email: '电子邮件', webhook: 'Webhook', wechat: '微信公众号' },
    searchPlaceholder: '收件地址或消息类别',
    createdAt: '创建时间',
    target: '收件方',
    message: '消息',
    attempts: '尝试次数',
    lastError: '最近错误 / 送达时间',
    retry: '重新发送',
    requeued: '已重新排队发送',
  },
  prefs: {
    title: '通知方式',
    inAppAlways: '站内消息始终开启；以下渠道可选填。',
    email: '电子邮箱',
    emailInvalid: '邮箱格式不正确',
    wechat: '微信 openid',
    wechatHint: '关注本局公众号后获得的 openid，用于接收模板消息',
    webhook: 'Webhook 地址（企业）',
    urlInvalid: '地址格式不正确',
    webhookHint:
      '每条通知以 JSON POST 到该地址，请求头 X-Qingshan-Signature 为 HMAC-SHA256 签名（sha256=…，对“时间戳.正文”签名）',
    secret: '签名密钥',
    rotate: '重新生成签名密钥',
  },
};

export default strings;

// these keys join the typed messages (locales/feature-messages.ts); en.ts has the same ones
type Strings = typeof strings;
declare module '../../../locales/feature-messages.ts' {
  interface FeatureMessages extends Strings {}
}
