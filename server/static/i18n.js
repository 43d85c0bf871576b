// Interface strings in Kazakh and Russian, and the switch between them.
// Static markup names its strings with data-i18n (text), data-i18n-placeholder
// and data-i18n-aria-label; scripts call t(key, values). The choice is kept in
// localStorage so that it survives reloads and links.

const STRINGS = {
  ru: {
    title: "izdeu — поиск по архиву новостей",
    tagline: "поиск по архиву новостей",
    skip: "К результатам",
    uiLanguage: "Язык интерфейса",
    queryLabel: "Запрос",
    placeholder: "Например: Ерлан Сапаров, сессия Ассамблеи, Жамбыл облысы",
    suggestions: "Подсказки",
    search: "Найти",
    contentLanguage: "Язык статей",
    anyLanguage: "все языки",
    "lang.kk": "казахский",
    "lang.ru": "русский",
    "lang.en": "английский",
    dateFrom: "С даты",
    dateTo: "По дату",
    sort: "Сортировка",
    "sort.relevance": "по релевантности",
    "sort.date": "сначала новые",
    "sort.recency": "релевантные и свежие",
    match: "Слова запроса",
    "match.auto": "по возможности все",
    "match.all": "все слова",
    "match.any": "любое слово",
    refine: "Уточнить",
    filters: "Фильтры",
    pages: "Страницы",
    welcome:
      "Ищите по всем статьям архива на казахском и русском: имена в любом падеже, " +
      "слова в любой форме, фразы в кавычках.",
    examples: "Например:",
    close: "Закрыть",
    "facet.region": "Регион",
    "facet.person": "Люди",
    "facet.topic": "Тема",
    "facet.year": "Год",
    "facet.lang": "Язык",
    "facet.approximate": "примерно",
    "filter.region": "регион",
    "filter.person": "человек",
    "filter.topic": "тема",
    "filter.lang": "язык",
    "filter.dates": "даты",
    removeFilter: "Убрать фильтр: {name}",
    clearFilters: "Сбросить фильтры",
    found: "Найдено: {total}",
    foundApprox: "Найдено: около {total}",
    took: "{ms} мс",
    nothing: "Ничего не найдено.",
    nothingHint: "Попробуйте другие слова, режим «любое слово» или уберите фильтры.",
    searching: "Поиск…",
    error: "Ошибка: {message}",
    networkError: "Сервер недоступен. Попробуйте ещё раз.",
    didYouMean: "Возможно, вы искали:",
    relaxed: "Без слов:",
    fullMatches: "Статей со всеми словами: {n}; ниже — статьи с частью слов.",
    noFullMatch: "Ни в одной статье нет всех слов; показаны статьи с частью слов.",
    partialHeading: "Статьи с частью слов",
    missingWords: "Нет слов:",
    requireAll: "искать все слова",
    layoutFixed: "раскладка исправлена",
    "kind.title": "заголовок",
    "kind.person": "человек",
    "kind.region": "регион",
    "kind.term": "слово",
    "kind.layout": "раскладка",
    suggestionCount: "Подсказок: {n}. Стрелки вверх и вниз для выбора.",
    prev: "← Назад",
    next: "Вперёд →",
    page: "Страница {n}",
    views: "{n} просмотров",
    duplicates: "ещё копий: {n}",
    matchedAs: "Найдено как:",
    "reading.exact": "точно",
    "reading.stem": "другая форма",
    "reading.cross_script": "другое написание",
    "reading.synonym": "синоним",
    "field.title": "в заголовке",
    open: "Открыть статью «{title}»",
    original: "Оригинал на сайте источника",
    loading: "Загрузка…",
    dateRange: "{from} — {to}",
    subscribe: "Подписаться на этот поиск (Atom)",
    exportCsv: "Экспорт CSV",
    exportJsonl: "Экспорт JSONL",
    follow: "Следить за поиском",
    nextMatch: "Следующее совпадение",
    matchOf: "Совпадение {n} из {total}",
    matchCount: "Совпадений в статье: {total}",
    similar: "Похожие статьи",
  },
  kk: {
    title: "izdeu — жаңалықтар мұрағатынан іздеу",
    tagline: "жаңалықтар мұрағатынан іздеу",
    skip: "Нәтижелерге өту",
    uiLanguage: "Интерфейс тілі",
    queryLabel: "Сұраныс",
    placeholder: "Мысалы: Ерлан Сапаров, Ассамблея сессиясы, Жамбыл облысы",
    suggestions: "Ұсыныстар",
    search: "Іздеу",
    contentLanguage: "Мақалалар тілі",
    anyLanguage: "барлық тілдер",
    "lang.kk": "қазақ тілі",
    "lang.ru": "орыс тілі",
    "lang.en": "ағылшын тілі",
    dateFrom: "Басталу күні",
    dateTo: "Аяқталу күні",
    sort: "Сұрыптау",
    "sort.relevance": "сәйкестігі бойынша",
    "sort.date": "алдымен жаңалары",
    "sort.recency": "сәйкес әрі жаңа",
    match: "Сұраныс сөздері",
    "match.auto": "мүмкіндігінше барлығы",
    "match.all": "барлық сөз",
    "match.any": "кез келген сөз",
    refine: "Нақтылау",
    filters: "Сүзгілер",
    pages: "Беттер",
    welcome:
      "Мұрағаттағы қазақ және орыс тіліндегі барлық мақалалардан іздеңіз: есімдер кез " +
      "келген септікте, сөздер кез келген формада, тіркестер тырнақшада.",
    examples: "Мысалы:",
    close: "Жабу",
    "facet.region": "Өңір",
    "facet.person": "Адамдар",
    "facet.topic": "Тақырып",
    "facet.year": "Жыл",
    "facet.lang": "Тіл",
    "facet.approximate": "шамамен",
    "filter.region": "өңір",
    "filter.person": "адам",
    "filter.topic": "тақырып",
    "filter.lang": "тіл",
    "filter.dates": "күндер",
    removeFilter: "Сүзгіні алып тастау: {name}",
    clearFilters: "Сүзгілерді тазарту",
    found: "Табылды: {total}",
    foundApprox: "Табылды: шамамен {total}",
    took: "{ms} мс",
    nothing: "Ештеңе табылмады.",
    nothingHint: "Басқа сөздерді, «кез келген сөз» режимін қолданып көріңіз немесе сүзгілерді алып тастаңыз.",
    searching: "Іздеу…",
    error: "Қате: {message}",
    networkError: "Сервер қолжетімсіз. Қайталап көріңіз.",
    didYouMean: "Мүмкін, сіз мынаны іздеген шығарсыз:",
    relaxed: "Мына сөздерсіз:",
    fullMatches: "Барлық сөзі бар мақалалар: {n}; төменде — сөздердің бір бөлігі ғана бар мақалалар.",
    noFullMatch: "Барлық сөз бір мақалада кездеспейді; сөздердің бір бөлігі бар мақалалар көрсетілді.",
    partialHeading: "Сөздердің бір бөлігі ғана бар мақалалар",
    missingWords: "Жоқ сөздер:",
    requireAll: "барлық сөзді іздеу",
    layoutFixed: "пернетақта тілі түзетілді",
    "kind.title": "тақырып атауы",
    "kind.person": "адам",
    "kind.region": "өңір",
    "kind.term": "сөз",
    "kind.layout": "пернетақта",
    suggestionCount: "Ұсыныстар саны: {n}. Таңдау үшін жоғары және төмен көрсеткілерін басыңыз.",
    prev: "← Артқа",
    next: "Алға →",
    page: "{n}-бет",
    views: "{n} рет қаралды",
    duplicates: "тағы {n} көшірме",
    matchedAs: "Табылған түрі:",
    "reading.exact": "дәл",
    "reading.stem": "басқа тұлғасы",
    "reading.cross_script": "басқа жазылуы",
    "reading.synonym": "синоним",
    "field.title": "тақырыпта",
    open: "«{title}» мақаласын ашу",
    original: "Дереккөз сайтындағы түпнұсқа",
    loading: "Жүктелуде…",
    dateRange: "{from} — {to}",
    subscribe: "Осы іздеуге жазылу (Atom)",
    exportCsv: "CSV экспорттау",
    exportJsonl: "JSONL экспорттау",
    follow: "Іздеуді бақылау",
    nextMatch: "Келесі сәйкестік",
    matchOf: "Сәйкестік: {n} / {total}",
    matchCount: "Мақаладағы сәйкестіктер: {total}",
    similar: "Ұқсас мақалалар",
  },
};

const STORAGE_KEY = "izdeu.ui-lang";
const listeners = [];

function initialLanguage() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored in STRINGS) return stored;
  } catch (e) {
    // Storage can be disabled; fall back to the browser's language.
  }
  return (navigator.language || "").toLowerCase().startsWith("kk") ? "kk" : "ru";
}

let current = initialLanguage();

/** The interface language: "kk" or "ru". */
export function uiLanguage() {
  return current;
}

/** The string `key` in the interface language, with {name} placeholders filled. */
export function t(key, values = {}) {
  const text = STRINGS[current][key] ?? STRINGS.ru[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Picks a label in the interface language from {"kk": …, "ru": …}, or returns a string as is. */
export function localized(label, fallback = "") {
  if (label == null) return fallback;
  if (typeof label === "string") return label || fallback;
  return label[current] || label.ru || label.kk || fallback;
}

/** Formats a number with the interface language's digit grouping. */
export function formatNumber(n) {
  // Both languages group digits with spaces in Kazakhstan; browsers lack kk-KZ data.
  return Number(n).toLocaleString("ru-RU");
}

/** "2021-07-01" -> "01.07.2021", the way both languages write dates in Kazakhstan. */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso || "";
}

/** Rewrites the static markup in the current language. */
export function applyStaticStrings(root = document) {
  document.documentElement.lang = current;
  document.title = t("title");
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  for (const el of root.querySelectorAll("[data-i18n-aria-label]")) {
    el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
  }
  for (const button of root.querySelectorAll("[data-ui-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.uiLang === current));
  }
}

/** Calls `listener` after every language switch (to re-render dynamic parts). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** Switches the interface to `lang` ("kk" or "ru") and remembers the choice. */
export function setUiLanguage(lang) {
  if (!(lang in STRINGS) || lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch (e) {
    // Not remembered, but still switched for this page.
  }
  applyStaticStrings();
  for (const listener of listeners) listener(lang);
}
