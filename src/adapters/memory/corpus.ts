/**
 * The words the memory backend makes its demo data from: contact names and
 * support-chat lines in many scripts and directions, an agent directory, and
 * internal notes. Plain data only.
 */

export type LocaleCode = 'en' | 'es' | 'pt' | 'fr' | 'de' | 'pl' | 'vi' | 'ar' | 'he' | 'fa' | 'ur' | 'zh' | 'ja' | 'ko' | 'hi' | 'ru';

export interface Locale {
  readonly code: LocaleCode;
  /** Relative share of contacts. */
  readonly weight: number;
  /** Full display names, or given and family lists combined at random. */
  readonly given: readonly string[];
  readonly family: readonly string[];
  /** `family-given` with no space for Chinese, Japanese and Korean names. */
  readonly order: 'given family' | 'familygiven';
  /** Latin script: the name can become an email address. */
  readonly latin: boolean;
  /** Country calling codes, without `+`. */
  readonly callingCodes: readonly string[];
  /** What contacts write. */
  readonly inbound: readonly string[];
  /** What agents answer. */
  readonly outbound: readonly string[];
}

export const LOCALES: readonly Locale[] = [
  {
    code: 'en',
    weight: 22,
    given: ['Sarah', 'James', 'Emily', 'Michael', 'Olivia', 'Daniel', 'Grace', 'Liam', 'Chloé', 'Noah'],
    family: ['Johnson', 'Smith', "O'Connor", 'Nguyen', 'Williams', 'Okafor', 'Brown', 'McAllister'],
    order: 'given family',
    latin: true,
    callingCodes: ['1', '44', '61', '353'],
    inbound: [
      'Hi, where is my order #48213?',
      'I was charged twice this month.',
      'Can I change my delivery address?',
      'The app keeps logging me out 😕',
      'Thanks, that worked!',
      'Is there a discount for annual plans?',
      'My package arrived damaged.',
      'How do I reset my password?',
      'Any update on this?',
      'I never received the confirmation email.',
    ],
    outbound: [
      'Hi! Let me check that for you.',
      'Could you share your order number?',
      "I've issued a refund; it should arrive in 3–5 business days.",
      'Your new address is saved.',
      'Glad I could help! Anything else?',
      "I've passed this to our billing team.",
      'Sorry about that — a replacement is on its way.',
    ],
  },
  {
    code: 'es',
    weight: 9,
    given: ['José', 'María', 'Sofía', 'Andrés', 'Lucía', 'Martín', 'Begoña', 'Íñigo'],
    family: ['García', 'Núñez', 'Peña', 'Muñoz', 'Ibáñez', 'Rodríguez', 'Castañeda'],
    order: 'given family',
    latin: true,
    callingCodes: ['34', '52', '54', '57'],
    inbound: [
      'Hola, ¿dónde está mi pedido?',
      'Me cobraron dos veces este mes.',
      '¿Puedo cambiar la dirección de entrega?',
      '¡Gracias, ya funciona!',
      'El paquete llegó dañado.',
      '¿Tienen descuento para el plan anual?',
    ],
    outbound: [
      '¡Hola! Ahora mismo lo reviso.',
      '¿Me compartes tu número de pedido?',
      'Ya emitimos el reembolso.',
      '¡Con gusto! ¿Algo más?',
    ],
  },
  {
    code: 'pt',
    weight: 7,
    given: ['João', 'Conceição', 'Gonçalo', 'Inês', 'Luíza', 'Sebastião'],
    family: ['Gonçalves', 'Araújo', 'Simões', 'Magalhães', 'Conceição', 'Brandão'],
    order: 'given family',
    latin: true,
    callingCodes: ['55', '351'],
    inbound: [
      'Olá, meu pedido ainda não chegou.',
      'Fui cobrado duas vezes.',
      'Como altero o endereço de entrega?',
      'Obrigado, resolveu!',
      'Vocês entregam no sábado?',
    ],
    outbound: ['Olá! Vou verificar para você.', 'Pode me enviar o número do pedido?', 'O reembolso foi processado.'],
  },
  {
    code: 'fr',
    weight: 6,
    given: ['Zoé', 'Jérôme', 'Anaïs', 'François', 'Hélène', 'Gaël', 'Maëlle'],
    family: ['Lefèvre', 'Dubois', 'Moreau', 'Bélanger', 'Côté', 'Lemaître'],
    order: 'given family',
    latin: true,
    callingCodes: ['33', '32', '1'],
    inbound: [
      'Bonjour, où en est ma commande ?',
      "J'ai été débité deux fois.",
      "Puis-je changer l'adresse de livraison ?",
      'Merci, ça marche !',
    ],
    outbound: [
      'Bonjour ! Je regarde cela tout de suite.',
      'Pouvez-vous me donner votre numéro de commande ?',
      'Le remboursement a été effectué.',
    ],
  },
  {
    code: 'de',
    weight: 6,
    given: ['Jürgen', 'Jörg', 'Käthe', 'Lena', 'Björn', 'Sören', 'Änne'],
    family: ['Müller', 'Schröder', 'Groß', 'Köhler', 'Weiß', 'Bäcker'],
    order: 'given family',
    latin: true,
    callingCodes: ['49', '43', '41'],
    inbound: ['Hallo, wo bleibt meine Bestellung?', 'Mir wurde doppelt abgebucht.', 'Kann ich die Lieferadresse ändern?', 'Danke, hat geklappt!'],
    outbound: ['Hallo! Ich schaue sofort nach.', 'Können Sie mir Ihre Bestellnummer schicken?', 'Die Erstattung ist veranlasst.'],
  },
  {
    code: 'pl',
    weight: 3,
    given: ['Łukasz', 'Małgorzata', 'Paweł', 'Żaneta', 'Grzegorz'],
    family: ['Wiśniewski', 'Łączyńska', 'Kowalczyk', 'Żółkiewski', 'Dąbrowska'],
    order: 'given family',
    latin: true,
    callingCodes: ['48'],
    inbound: ['Dzień dobry, kiedy dotrze moja przesyłka?', 'Pobrano opłatę dwa razy.', 'Dziękuję, działa!'],
    outbound: ['Dzień dobry! Już sprawdzam.', 'Proszę podać numer zamówienia.'],
  },
  {
    code: 'vi',
    weight: 3,
    given: ['Minh', 'Thảo', 'Đức', 'Hương', 'Quỳnh'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đặng'],
    order: 'given family',
    latin: true,
    callingCodes: ['84'],
    inbound: ['Xin chào, đơn hàng của tôi khi nào đến?', 'Tôi bị trừ tiền hai lần.', 'Cảm ơn, đã xong rồi!'],
    outbound: ['Xin chào! Tôi kiểm tra ngay.', 'Bạn cho mình xin mã đơn hàng nhé.'],
  },
  {
    code: 'ar',
    weight: 10,
    given: ['أحمد', 'فاطمة', 'محمد', 'ليلى', 'يوسف', 'مريم', 'عمر', 'نور'],
    family: ['حسن', 'العلي', 'الخطيب', 'منصور', 'حداد', 'السيد'],
    order: 'given family',
    latin: false,
    callingCodes: ['971', '966', '20', '962'],
    inbound: [
      'مرحبا، متى سيصل طلبي؟',
      'تم خصم المبلغ مرتين من بطاقتي.',
      'هل يمكنني تغيير عنوان التوصيل؟',
      'شكراً جزيلاً، تم حل المشكلة!',
      'الطلب رقم 48213 لم يصل بعد.',
    ],
    outbound: ['أهلاً! سأتحقق من ذلك الآن.', 'هل يمكنك مشاركة رقم الطلب؟', 'تم إصدار المبلغ المسترد.'],
  },
  {
    code: 'he',
    weight: 5,
    given: ['נועה', 'דוד', 'יעל', 'אבי', 'תמר', 'משה'],
    family: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון'],
    order: 'given family',
    latin: false,
    callingCodes: ['972'],
    inbound: ['שלום, מתי ההזמנה שלי תגיע?', 'חויבתי פעמיים החודש.', 'אפשר לשנות את כתובת המשלוח?', 'תודה רבה, זה עבד!'],
    outbound: ['היי! אני בודקת את זה עכשיו.', 'אפשר את מספר ההזמנה?', 'הזיכוי בוצע.'],
  },
  {
    code: 'fa',
    weight: 4,
    given: ['سارا', 'علی', 'مریم', 'رضا', 'نیلوفر', 'امیر'],
    family: ['محمدی', 'حسینی', 'کریمی', 'رضایی', 'احمدی'],
    order: 'given family',
    latin: false,
    callingCodes: ['98'],
    inbound: ['سلام، سفارش من کی می‌رسد؟', 'دو بار از حسابم کم شده است.', 'ممنون، مشکل حل شد!'],
    outbound: ['سلام! الان بررسی می‌کنم.', 'لطفاً شماره سفارش را بفرستید.'],
  },
  {
    code: 'ur',
    weight: 3,
    given: ['عائشہ', 'بلال', 'زینب', 'حمزہ'],
    family: ['خان', 'قریشی', 'چوہدری', 'ملک'],
    order: 'given family',
    latin: false,
    callingCodes: ['92'],
    inbound: ['السلام علیکم، میرا آرڈر کب پہنچے گا؟', 'مجھ سے دو بار پیسے کاٹے گئے۔', 'شکریہ، مسئلہ حل ہو گیا!'],
    outbound: ['وعلیکم السلام! میں ابھی چیک کرتا ہوں۔', 'براہ کرم اپنا آرڈر نمبر بھیجیں۔'],
  },
  {
    code: 'zh',
    weight: 6,
    given: ['伟', '芳', '娜', '秀英', '敏', '静', '磊'],
    family: ['王', '李', '张', '刘', '陈', '杨'],
    order: 'familygiven',
    latin: false,
    callingCodes: ['86', '886', '852'],
    inbound: ['你好，我的订单什么时候到？', '这个月被扣了两次款。', '可以修改收货地址吗？', '谢谢，问题解决了！'],
    outbound: ['您好！我马上为您查询。', '请提供一下订单号。', '退款已处理，3-5个工作日到账。'],
  },
  {
    code: 'ja',
    weight: 4,
    given: ['陽翔', '結菜', '蓮', 'さくら', '大輝'],
    family: ['佐藤', '鈴木', '高橋', '田中', '渡辺'],
    order: 'familygiven',
    latin: false,
    callingCodes: ['81'],
    inbound: ['こんにちは、注文した商品はいつ届きますか？', '今月二重に請求されています。', '配送先を変更できますか？', 'ありがとうございます、解決しました！'],
    outbound: ['お問い合わせありがとうございます。確認いたします。', '注文番号を教えていただけますか？', '返金手続きが完了しました。'],
  },
  {
    code: 'ko',
    weight: 3,
    given: ['민준', '서연', '지우', '하은', '도윤'],
    family: ['김', '이', '박', '최', '정'],
    order: 'familygiven',
    latin: false,
    callingCodes: ['82'],
    inbound: ['안녕하세요, 주문한 상품은 언제 도착하나요?', '이번 달에 두 번 결제되었어요.', '배송지를 변경할 수 있나요?', '감사합니다, 해결됐어요!'],
    outbound: ['안녕하세요! 바로 확인해 드리겠습니다.', '주문 번호를 알려주시겠어요?', '환불 처리가 완료되었습니다.'],
  },
  {
    code: 'hi',
    weight: 5,
    given: ['आरव', 'अनन्या', 'विवान', 'दिया', 'अर्जुन', 'प्रिया'],
    family: ['शर्मा', 'वर्मा', 'पटेल', 'गुप्ता', 'सिंह'],
    order: 'given family',
    latin: false,
    callingCodes: ['91'],
    inbound: ['नमस्ते, मेरा ऑर्डर कब आएगा?', 'मुझसे दो बार पैसे काटे गए हैं।', 'क्या मैं डिलीवरी का पता बदल सकता हूँ?', 'धन्यवाद, समस्या हल हो गई!'],
    outbound: ['नमस्ते! मैं अभी जाँच करता हूँ।', 'कृपया अपना ऑर्डर नंबर बताएं।'],
  },
  {
    code: 'ru',
    weight: 4,
    // Whole names: Russian family names agree with the given name's gender.
    given: ['Алексей Иванов', 'Ольга Смирнова', 'Дмитрий Кузнецов', 'Наталья Попова', 'Иван Соколов', 'Екатерина Лебедева', 'Олена Коваленко'],
    family: [],
    order: 'given family',
    latin: false,
    callingCodes: ['7', '380'],
    inbound: ['Здравствуйте, когда придёт мой заказ?', 'С меня списали деньги дважды.', 'Можно изменить адрес доставки?', 'Спасибо, всё работает!'],
    outbound: ['Здравствуйте! Сейчас проверю.', 'Подскажите, пожалуйста, номер заказа.', 'Возврат оформлен.'],
  },
];

/** Decorations some contacts put in their display name. */
export const NAME_EMOJI: readonly string[] = ['🌸', '🚀', '⭐', '🐱', '☕', '🎧', '🇧🇷', '👩🏽‍💻', '💙', '🌍'];

/**
 * Contacts that exist to prove the UI holds up: very long names in several
 * scripts, and markup that must show as text. Placed at fixed positions so
 * every data set of a dozen or more conversations has them.
 */
export const SPECIAL_CONTACTS: readonly { name: string; locale: LocaleCode; avatarUrl?: string | undefined }[] = [
  // Rendered as HTML this would run script; it must show as these characters.
  { name: '<img src=x onerror=alert(1)>', locale: 'en', avatarUrl: 'javascript:alert(1)' },
  { name: 'Maximilian Alexander Friedrich Wilhelm von Hohenzollern-Sigmaringen III', locale: 'de' },
  { name: 'محمد عبد الله بن عبد الرحمن بن فيصل بن تركي آل سعود القحطاني الهاشمي', locale: 'ar' },
  { name: 'International Wholesale Orders — Procurement Department (Europe, Middle East & Africa)', locale: 'en' },
  { name: 'Dona Maria da Conceição Magalhães de Albuquerque e Vasconcelos 🌸', locale: 'pt' },
];

/** Labels a contact can carry. */
export const CONTACT_LABELS: readonly string[] = ['vip', 'returning', 'new', 'wholesale', 'churn-risk', 'beta'];
/** Labels a conversation can carry. */
export const CONVERSATION_LABELS: readonly string[] = ['billing', 'shipping', 'refund', 'technical', 'sales', 'complaint', 'feedback'];
/** Where a conversation came from (`metadata.source`). */
export const SOURCES: readonly string[] = ['organic', 'campaign', 'ad_click', 'qr_code', 'website_widget'];
/** Mail domains reserved for examples, so no real inbox gets mail. */
export const MAIL_DOMAINS: readonly string[] = ['example.com', 'example.org', 'example.net'];

/** The default agent directory: users (some with long or right-to-left names), then teams. */
export const DIRECTORY_USERS: readonly { name: string; email: string }[] = [
  { name: 'Alice Support', email: 'alice@example.com' },
  { name: 'عمر الفاروق', email: 'omar.alfarouq@example.com' },
  { name: 'יונתן לוי', email: 'yonatan.levi@example.com' },
  { name: 'Priya Raghunathan', email: 'priya.r@example.com' },
  { name: '张伟', email: 'zhang.wei@example.com' },
  { name: 'Sofía Hernández', email: 'sofia.hernandez@example.com' },
  { name: 'Kwame Mensah', email: 'kwame.mensah@example.com' },
  { name: '田中 ゆき', email: 'yuki.tanaka@example.com' },
  { name: 'Bartholomew Maximilian Featherstonehaugh-Worthington', email: 'bartholomew.featherstonehaugh-worthington@example.com' },
  { name: 'Nguyễn Thị Minh Khai', email: 'minh.khai@example.com' },
  { name: 'نیلوفر کریمی', email: 'niloufar.karimi@example.com' },
  { name: 'Olena Kovalenko', email: 'olena.kovalenko@example.com' },
];

export const DIRECTORY_TEAMS: readonly string[] = ['Billing', 'Technical Support', 'VIP Care', 'الدعم العربي'];

/** Internal notes, as agents write them. */
export const NOTE_LINES: readonly string[] = [
  'Customer is on the Enterprise plan. Check their Salesforce record before responding.',
  'Refund approved by finance — ticket FIN-2291.',
  'Prefers replies in Arabic. العميل يفضل التواصل صباحاً.',
  'Second lost parcel this month. Escalate to the courier if it happens again.',
  'Waiting on engineering (bug #4471).',
  'VIP: offer free express shipping on the next order.',
  'Do not promise a delivery date before the warehouse confirms.',
  'Called back at 15:30, no answer. Try again tomorrow.',
];
