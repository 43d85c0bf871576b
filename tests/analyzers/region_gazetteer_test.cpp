// The region gazetteer: every region under every kind of name (Russian
// nominative and oblique, Kazakh with case endings, Latin, English, centres,
// towns, former names), ambiguity, resolve() for filters, and data-file errors.

#include "analyzers/gazetteers/region_gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/gazetteers/builtin_data.h"

namespace izdeu::analyzers {
namespace {

const RegionGazetteer& gazetteer() { return RegionGazetteer::builtin(); }

struct MentionCase {
  const char* name;  // as it stands in the text, inflected
  const char* id;
  Language language;
};

constexpr Language ru = Language::kRussian;
constexpr Language kk = Language::kKazakh;

// Each row is put inside a sentence; the gazetteer must find exactly that
// name, and nothing else, as the region.
const MentionCase kMentions[] = {
    // abai-region (2022, from East Kazakhstan): Semey and the former Semipalatinsk.
    {"область Абай", "abai-region", ru},
    {"Абайской области", "abai-region", ru},
    {"области Абай", "abai-region", ru},
    {"Абай облысында", "abai-region", kk},
    {"Abai oblysy", "abai-region", ru},
    {"Abay Region", "abai-region", ru},
    {"Семее", "abai-region", ru},
    {"Семейде", "abai-region", kk},
    {"Semey", "abai-region", ru},
    {"Семипалатинске", "abai-region", ru},
    {"Семипалатинской области", "abai-region", ru},
    {"Курчатове", "abai-region", ru},
    {"Аягөзде", "abai-region", kk},
    // akmola-region
    {"Акмолинская область", "akmola-region", ru},
    {"Акмолинской области", "akmola-region", ru},
    {"Ақмола облысының", "akmola-region", kk},
    {"Aqmola oblysy", "akmola-region", ru},
    {"Akmola Region", "akmola-region", ru},
    {"Кокшетау", "akmola-region", ru},
    {"Көкшетауда", "akmola-region", kk},
    {"Kokshetau", "akmola-region", ru},
    {"Целиноградской области", "akmola-region", ru},
    {"Степногорске", "akmola-region", ru},
    {"Щучинске", "akmola-region", ru},
    // aktobe-region
    {"Актюбинская область", "aktobe-region", ru},
    {"Актюбинской области", "aktobe-region", ru},
    {"Ақтөбе облысында", "aktobe-region", kk},
    {"Aqtöbe oblysy", "aktobe-region", ru},
    {"Aktobe Region", "aktobe-region", ru},
    {"Актобе", "aktobe-region", ru},
    {"Ақтөбеде", "aktobe-region", kk},
    {"Актюбинске", "aktobe-region", ru},
    {"Хромтау", "aktobe-region", ru},
    {"Кандыагаше", "aktobe-region", ru},
    // almaty-region: centre Konaev (formerly Kapshagay) since 2022.
    {"Алматинская область", "almaty-region", ru},
    {"Алматинской области", "almaty-region", ru},
    {"Алматинской обл", "almaty-region", ru},
    {"Алматы облысында", "almaty-region", kk},
    {"Almaty oblysy", "almaty-region", ru},
    {"Almaty Region", "almaty-region", ru},
    {"Конаеве", "almaty-region", ru},
    {"Қонаев қаласында", "almaty-region", kk},
    {"Капшагае", "almaty-region", ru},
    {"Қапшағайда", "almaty-region", kk},
    {"Kapshagay", "almaty-region", ru},
    {"Талгаре", "almaty-region", ru},
    {"Алма-Атинской области", "almaty-region", ru},
    // atyrau-region
    {"Атырауская область", "atyrau-region", ru},
    {"Атырауской области", "atyrau-region", ru},
    {"Атырау облысының", "atyrau-region", kk},
    {"Atyrau oblysy", "atyrau-region", ru},
    {"Atyrau Region", "atyrau-region", ru},
    {"Атырау", "atyrau-region", ru},
    {"Атырауда", "atyrau-region", kk},
    {"Гурьеве", "atyrau-region", ru},
    {"Кульсары", "atyrau-region", ru},
    {"Құлсарыда", "atyrau-region", kk},
    // east-kazakhstan-region: Russian official centre name Усть-Каменогорск.
    {"Восточно-Казахстанская область", "east-kazakhstan-region", ru},
    {"Восточно-Казахстанской области", "east-kazakhstan-region", ru},
    {"ВКО", "east-kazakhstan-region", ru},
    {"Шығыс Қазақстан облысында", "east-kazakhstan-region", kk},
    {"ШҚО", "east-kazakhstan-region", kk},
    {"Şyğys Qazaqstan oblysy", "east-kazakhstan-region", ru},
    {"East Kazakhstan Region", "east-kazakhstan-region", ru},
    {"Усть-Каменогорске", "east-kazakhstan-region", ru},
    {"Өскеменде", "east-kazakhstan-region", kk},
    {"Оскемен", "east-kazakhstan-region", ru},
    {"Oskemen", "east-kazakhstan-region", ru},
    {"Öskemen", "east-kazakhstan-region", ru},
    {"O'skemen", "east-kazakhstan-region", ru},
    {"Риддере", "east-kazakhstan-region", ru},
    {"Лениногорске", "east-kazakhstan-region", ru},
    // jambyl-region
    {"Жамбылская область", "jambyl-region", ru},
    {"Жамбылской области", "jambyl-region", ru},
    {"Жамбыл облысында", "jambyl-region", kk},
    {"Jambyl oblysy", "jambyl-region", ru},
    {"Zhambyl Region", "jambyl-region", ru},
    {"Таразе", "jambyl-region", ru},
    {"Таразда", "jambyl-region", kk},
    {"Taraz", "jambyl-region", ru},
    {"Джамбулской области", "jambyl-region", ru},
    {"Аулие-Ата", "jambyl-region", ru},
    {"Жанатасе", "jambyl-region", ru},
    // jetisu-region (2022, from Almaty Region): centre Taldykorgan.
    {"область Жетісу", "jetisu-region", ru},
    {"области Жетысу", "jetisu-region", ru},
    {"Жетысуской области", "jetisu-region", ru},
    {"Жетісу облысының", "jetisu-region", kk},
    {"Jetısu oblysy", "jetisu-region", ru},
    {"Zhetysu Region", "jetisu-region", ru},
    {"Талдыкоргане", "jetisu-region", ru},
    {"Талдықорғанда", "jetisu-region", kk},
    {"Taldykorgan", "jetisu-region", ru},
    {"Талды-Кургане", "jetisu-region", ru},
    {"Текели", "jetisu-region", ru},
    {"Жаркенте", "jetisu-region", ru},
    {"Талдыкорганской области", "jetisu-region", ru},
    // karaganda-region
    {"Карагандинская область", "karaganda-region", ru},
    {"Карагандинской области", "karaganda-region", ru},
    {"Қарағанды облысының", "karaganda-region", kk},
    {"Qarağandy oblysy", "karaganda-region", ru},
    {"Karaganda Region", "karaganda-region", ru},
    {"Караганде", "karaganda-region", ru},
    {"Қарағандыда", "karaganda-region", kk},
    {"Karagandy", "karaganda-region", ru},
    {"Темиртау", "karaganda-region", ru},
    {"Теміртауда", "karaganda-region", kk},
    {"Балхаше", "karaganda-region", ru},
    // kostanay-region
    {"Костанайская область", "kostanay-region", ru},
    {"Костанайской области", "kostanay-region", ru},
    {"Қостанай облысында", "kostanay-region", kk},
    {"Qostanai oblysy", "kostanay-region", ru},
    {"Kostanay Region", "kostanay-region", ru},
    {"Костанае", "kostanay-region", ru},
    {"Қостанайда", "kostanay-region", kk},
    {"Кустанае", "kostanay-region", ru},
    {"Кустанайской области", "kostanay-region", ru},
    {"Рудном", "kostanay-region", ru},
    {"Лисаковске", "kostanay-region", ru},
    {"Аркалыке", "kostanay-region", ru},
    // kyzylorda-region
    {"Кызылординская область", "kyzylorda-region", ru},
    {"Кызылординской области", "kyzylorda-region", ru},
    {"Қызылорда облысының", "kyzylorda-region", kk},
    {"Qyzylorda oblysy", "kyzylorda-region", ru},
    {"Kyzylorda Region", "kyzylorda-region", ru},
    {"Кызылорде", "kyzylorda-region", ru},
    {"Қызылордада", "kyzylorda-region", kk},
    {"Кзыл-Орде", "kyzylorda-region", ru},
    {"Аральске", "kyzylorda-region", ru},
    {"Қазалыда", "kyzylorda-region", kk},
    // mangystau-region
    {"Мангистауская область", "mangystau-region", ru},
    {"Мангистауской области", "mangystau-region", ru},
    {"Маңғыстау облысында", "mangystau-region", kk},
    {"Mañğystau oblysy", "mangystau-region", ru},
    {"Mangystau Region", "mangystau-region", ru},
    {"Актау", "mangystau-region", ru},
    {"Ақтауда", "mangystau-region", kk},
    {"Aktau", "mangystau-region", ru},
    {"Жанаозене", "mangystau-region", ru},
    {"Жаңаөзенде", "mangystau-region", kk},
    {"Мангышлаке", "mangystau-region", ru},
    // north-kazakhstan-region: Russian official centre name Петропавловск.
    {"Северо-Казахстанская область", "north-kazakhstan-region", ru},
    {"Северо-Казахстанской области", "north-kazakhstan-region", ru},
    {"СКО", "north-kazakhstan-region", ru},
    {"Солтүстік Қазақстан облысында", "north-kazakhstan-region", kk},
    {"Soltüstık Qazaqstan oblysy", "north-kazakhstan-region", ru},
    {"North Kazakhstan Region", "north-kazakhstan-region", ru},
    {"Петропавловске", "north-kazakhstan-region", ru},
    {"Петропавлда", "north-kazakhstan-region", kk},
    {"Petropavl", "north-kazakhstan-region", ru},
    {"Булаево", "north-kazakhstan-region", ru},
    {"Тайынше", "north-kazakhstan-region", ru},
    // pavlodar-region
    {"Павлодарская область", "pavlodar-region", ru},
    {"Павлодарской области", "pavlodar-region", ru},
    {"Павлодар облысында", "pavlodar-region", kk},
    {"Pavlodar oblysy", "pavlodar-region", ru},
    {"Pavlodar Region", "pavlodar-region", ru},
    {"Павлодаре", "pavlodar-region", ru},
    {"Павлодарда", "pavlodar-region", kk},
    {"Экибастузе", "pavlodar-region", ru},
    {"Екібастұзда", "pavlodar-region", kk},
    {"Ekibastuz", "pavlodar-region", ru},
    // turkistan-region: South Kazakhstan Region until 2018.
    {"Туркестанская область", "turkistan-region", ru},
    {"Туркестанской области", "turkistan-region", ru},
    {"Түркістан облысында", "turkistan-region", kk},
    {"Türkıstan oblysy", "turkistan-region", ru},
    {"Turkistan Region", "turkistan-region", ru},
    {"Туркестане", "turkistan-region", ru},
    {"Түркістанда", "turkistan-region", kk},
    {"Turkestan", "turkistan-region", ru},
    {"Южно-Казахстанской области", "turkistan-region", ru},
    {"ЮКО", "turkistan-region", ru},
    {"Оңтүстік Қазақстан облысының", "turkistan-region", kk},
    {"Кентау", "turkistan-region", ru},
    {"Сарыагаше", "turkistan-region", ru},
    // ulytau-region (2022, from Karaganda Region): centre Zhezkazgan.
    {"область Ұлытау", "ulytau-region", ru},
    {"области Улытау", "ulytau-region", ru},
    {"Улытауской области", "ulytau-region", ru},
    {"Ұлытау облысының", "ulytau-region", kk},
    {"Ūlytau oblysy", "ulytau-region", ru},
    {"Ulytau Region", "ulytau-region", ru},
    {"Жезказгане", "ulytau-region", ru},
    {"Жезқазғанда", "ulytau-region", kk},
    {"Zhezkazgan", "ulytau-region", ru},
    {"Джезказгане", "ulytau-region", ru},
    {"Жезказганской области", "ulytau-region", ru},
    {"Каражале", "ulytau-region", ru},
    // west-kazakhstan-region: Russian official centre name Уральск.
    {"Западно-Казахстанская область", "west-kazakhstan-region", ru},
    {"Западно-Казахстанской области", "west-kazakhstan-region", ru},
    {"ЗКО", "west-kazakhstan-region", ru},
    {"Батыс Қазақстан облысында", "west-kazakhstan-region", kk},
    {"БҚО", "west-kazakhstan-region", kk},
    {"Batys Qazaqstan oblysy", "west-kazakhstan-region", ru},
    {"West Kazakhstan Region", "west-kazakhstan-region", ru},
    {"Уральске", "west-kazakhstan-region", ru},
    {"Оралда", "west-kazakhstan-region", kk},
    {"Uralsk", "west-kazakhstan-region", ru},
    // astana: Akmolinsk → Tselinograd → Akmola → Astana → Nur-Sultan → Astana.
    {"Астана", "astana", ru},
    {"Астане", "astana", ru},
    {"Астанада", "astana", kk},
    {"Astana", "astana", ru},
    {"Нур-Султане", "astana", ru},
    {"Нұр-Сұлтанда", "astana", kk},
    {"Nur-Sultan", "astana", ru},
    {"Акмоле", "astana", ru},
    {"Ақмолада", "astana", kk},
    {"Целинограде", "astana", ru},
    {"Akmolinsk", "astana", ru},
    // almaty (the city; Алма-Ата until 1993)
    {"Алматы", "almaty", ru},
    {"Алматыда", "almaty", kk},
    {"Алматыдағы", "almaty", kk},
    {"Almaty", "almaty", ru},
    {"Алма-Ате", "almaty", ru},
    {"Alma-Ata", "almaty", ru},
    // shymkent (republican significance since 2018; Soviet Чимкент)
    {"Шымкент", "shymkent", ru},
    {"Шымкенте", "shymkent", ru},
    {"Шымкентте", "shymkent", kk},
    {"Shymkent", "shymkent", ru},
    {"Şymkent", "shymkent", ru},
    {"Чимкенте", "shymkent", ru},
    {"Chimkent", "shymkent", ru},
};

TEST(RegionGazetteerTest, BuiltinHasTheSeventeenRegionsAndThreeCities) {
  const RegionGazetteerLoad load = RegionGazetteer::parse(builtin_regions_data());
  for (const DataFileError& error : load.errors)
    ADD_FAILURE() << error.line << ": " << error.message;
  ASSERT_NE(load.gazetteer, nullptr);

  std::set<std::string> regions;
  std::set<std::string> cities;
  for (const Region& region : gazetteer().regions()) {
    (region.kind == RegionKind::kRegion ? regions : cities).insert(region.id);
    EXPECT_FALSE(region.name.ru.empty() || region.name.kk.empty() || region.name.en.empty() ||
                 region.name.latin.empty())
        << region.id;
    EXPECT_FALSE(region.centre.ru.empty() || region.centre.kk.empty() || region.centre.en.empty() ||
                 region.centre.latin.empty())
        << region.id;
  }
  EXPECT_EQ(regions, (std::set<std::string>{
                         "abai-region", "akmola-region", "aktobe-region", "almaty-region",
                         "atyrau-region", "east-kazakhstan-region", "jambyl-region",
                         "jetisu-region", "karaganda-region", "kostanay-region", "kyzylorda-region",
                         "mangystau-region", "north-kazakhstan-region", "pavlodar-region",
                         "turkistan-region", "ulytau-region", "west-kazakhstan-region"}));
  EXPECT_EQ(cities, (std::set<std::string>{"astana", "almaty", "shymkent"}));
}

TEST(RegionGazetteerTest, KeepsTheHistoryOfTheRegionsOf2022) {
  const std::pair<const char*, const char*> splits[] = {{"abai-region", "east-kazakhstan-region"},
                                                        {"jetisu-region", "almaty-region"},
                                                        {"ulytau-region", "karaganda-region"}};
  for (const auto& [id, parent] : splits) {
    const Region* region = gazetteer().region(id);
    ASSERT_NE(region, nullptr) << id;
    EXPECT_EQ(region->split_from, parent);
    EXPECT_EQ(region->since, "2022-06-08");
  }
  EXPECT_EQ(gazetteer().region("almaty-region")->centre.ru, "Конаев");
  EXPECT_EQ(gazetteer().region("abai-region")->centre.en, "Semey");
  EXPECT_EQ(gazetteer().region("east-kazakhstan-region")->centre.kk, "Өскемен");
  const Region* astana = gazetteer().region("astana");
  for (const char* former : {"Нур-Султан", "Акмола", "Целиноград"}) {
    EXPECT_NE(std::find(astana->former_names.begin(), astana->former_names.end(), former),
              astana->former_names.end())
        << former;
  }
  EXPECT_EQ(gazetteer().region("nowhere"), nullptr);
}

TEST(RegionGazetteerTest, FindsEveryRegionUnderEveryKindOfName) {
  std::set<std::string> covered;
  for (const MentionCase& row : kMentions) {
    const std::string prefix = row.language == kk ? "Кеше " : "Вчера: ";
    const std::string text = prefix + row.name + " — жаңалықтар.";
    const std::vector<RegionMention> mentions = gazetteer().find(text, row.language);
    ASSERT_EQ(mentions.size(), 1u) << row.name;
    EXPECT_EQ(mentions[0].region->id, row.id) << row.name;
    EXPECT_EQ(mentions[0].surface, row.name);
    EXPECT_EQ(mentions[0].byte_begin, prefix.size()) << row.name;
    EXPECT_EQ(text.substr(mentions[0].byte_begin, mentions[0].byte_end - mentions[0].byte_begin),
              row.name);
    covered.insert(row.id);
  }
  EXPECT_EQ(covered.size(), gazetteer().regions().size());
}

TEST(RegionGazetteerTest, TheLongestNameWins) {
  const std::vector<RegionMention> mentions = gazetteer().find(
      "Алматы облысының әкімі Алматыға, Ақмола облысының әкімі Ақмолаға келді.", kk);
  std::vector<std::string> ids;
  for (const RegionMention& mention : mentions) ids.push_back(mention.region->id);
  EXPECT_EQ(ids, (std::vector<std::string>{"almaty-region", "almaty", "akmola-region", "astana"}));
}

TEST(RegionGazetteerTest, LeavesWordsAndPeopleThatOnlyLookLikePlaces) {
  const std::pair<const char*, Language> texts[] = {
      {"Абай Құнанбаев – ұлы ақын.", kk},                 // the poet, not Abai Region
      {"Дінмұхамед Қонаев туралы кітап шықты.", kk},      // the statesman, not the city
      {"Поддержка многодетных семей продолжится.", ru},   // семей = "of families"
      {"Нурсултан Назарбаев выступил с речью.", ru},      // the person, not the city
      {"Рейс в Петропавловск-Камчатский задержан.", ru},  // Kamchatka, not North Kazakhstan
      {"Жетісу – жеті өзеннің өлкесі.", kk},              // the historic land, not the region
      {"Алматинский район столицы.", ru},                 // an adjective alone
      {"Бейне жазба желіде тарады.", kk},                 // бейне "image", not Бейнеу
      {"Көші-қон мәселесі талқыланды.", kk},              // көші "migration", not Косшы
      {"Сара апай сабақ берді.", kk},                     // a first name, not Саран
      {"Арыстан Бекболатов чемпион атанды.", kk},         // a first name, not Арыс + -тан
      {"Тренер Сергеев доволен командой.", ru},           // a surname, not Сергеевка
      {"Акции Мерк выросли.", ru},                        // a company, not Мерке
      {"Шкода выпустила новую модель.", ru},              // not ШҚО + -да
  };
  for (const auto& [text, language] : texts) {
    const std::vector<RegionMention> mentions = gazetteer().find(text, language);
    EXPECT_TRUE(mentions.empty()) << text << " -> " << mentions.front().region->id;
  }
}

TEST(RegionGazetteerTest, NeedsACapitalInRunningText) {
  EXPECT_TRUE(gazetteer().find("в алматинской области", ru).empty());
  EXPECT_EQ(gazetteer().find("В АЛМАТИНСКОЙ ОБЛАСТИ", ru).size(), 1u);
}

TEST(RegionGazetteerTest, FindsOverTokensAlreadyAnalyzed) {
  const std::string text = "Семей мен Өскемен арасында";
  const auto tokens = analyzer_for(kk).analyze(text);
  const std::vector<RegionMention> mentions = gazetteer().find(text, tokens);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].region->id, "abai-region");
  EXPECT_EQ(mentions[1].region->id, "east-kazakhstan-region");
  EXPECT_EQ(mentions[1].surface, "Өскемен");
}

struct ResolveCase {
  const char* name;
  const char* id;  // "" when it names no region
};

const ResolveCase kResolve[] = {
    {"almaty-region", "almaty-region"},
    {"Almaty-Region", "almaty-region"},
    {"алматинская область", "almaty-region"},
    {"алматинской области", "almaty-region"},
    {"алматы облысында", "almaty-region"},
    {"алматы", "almaty"},
    {"город Алматы", "almaty"},
    {"г. Алматы", "almaty"},
    {"Алматы қаласы", "almaty"},
    {"алма-ата", "almaty"},
    {"семей", "abai-region"},
    {"Семипалатинск", "abai-region"},
    {"Semey", "abai-region"},
    {"Абай", "abai-region"},
    {"абай облысы", "abai-region"},
    {"Oskemen", "east-kazakhstan-region"},
    {"усть-каменогорск", "east-kazakhstan-region"},
    {"ВКО", "east-kazakhstan-region"},
    {"East Kazakhstan", "east-kazakhstan-region"},
    {"Нур-Султан", "astana"},
    {"акмола", "astana"},
    {"целиноград", "astana"},
    {"ақмола облысы", "akmola-region"},
    {"чимкент", "shymkent"},
    {"ЮКО", "turkistan-region"},
    {"жетісу", "jetisu-region"},
    {"талдыкорган", "jetisu-region"},
    {"қонаев", "almaty-region"},
    {"капшагай", "almaty-region"},
    {"Jambyl", "jambyl-region"},
    {"жезказган", "ulytau-region"},
    {"", ""},
    {"Москва", ""},
    {"Петропавловск-Камчатский", ""},
    {"Алматы и Астана", ""},
    {"нурсултан", ""},
};

TEST(RegionGazetteerTest, ResolvesAnyNameAUserTypes) {
  for (const ResolveCase& row : kResolve) {
    EXPECT_EQ(gazetteer().resolve(row.name).value_or(""), row.id) << row.name;
  }
}

TEST(RegionGazetteerTest, EveryListedNameResolvesToItsOwnRegion) {
  std::size_t names = 0;
  for (const Region& region : gazetteer().regions()) {
    for (const std::string& name : region.names) {
      EXPECT_EQ(gazetteer().resolve(name).value_or(""), region.id) << name;
      ++names;
    }
  }
  EXPECT_GT(names, 500u);
}

struct ErrorCase {
  const char* text;
  std::size_t line;
  const char* message_part;
};

const char kValidEntry[] = "[x-city]\nkind = city\nru = Икс\nkk = Икс\nen = Iks\nlatin = Iks\n";

TEST(RegionGazetteerTest, ReportsMistakesWithTheirLines) {
  const ErrorCase cases[] = {
      {"colour = red\n", 1, "unknown setting 'colour'"},
      {"[Bad Id]\nkind = city\n", 1, "bad region id 'Bad Id'"},
      {"[a]\nkind = town\nru = А\nkk = А\nen = A\nlatin = A\n", 2, "kind must be"},
      {"[a]\nkind = city\nru = А\nkk = А\nen = A\nlatin = A\nsince = 2022-13-01\n", 7,
       "since must be a date"},
      {"[a]\nkind = city\nru = А\nkk = А\nen = A\nlatin = A\nmotto = hi\n", 7,
       "unknown field 'motto'"},
      {"[a]\nkind = city\nru = А\nkk = А\nen = A\n", 1, "no 'latin' name"},
      {"[a]\nkind = region\nru = А\nkk = А\nen = A\nlatin = A\n", 1, "needs centre_ru"},
      {"[a]\nkind = city\nru = А\nkk = А\nen = A\nlatin = A\ntowns = {Бе|Ве\n", 7,
       "'{' without '}'"},
      {"[a]\nkind = city\nru = А\nkk = А\nen = A\nlatin = A\nsplit_from = b\n", 7,
       "unknown region 'b'"},
      {"[a]\nkind = city\nru = Бета\nkk = А\nen = A\nlatin = A\n"
       "[b]\nkind = city\nru = Бета\nkk = Б\nen = B\nlatin = B\n",
       7, "'Бета' already names 'a'"},
      {"[a]\nkind = city\nru = А\nkk = А\nen = A\nlatin = A\n[a]\n", 7, "defined twice"},
      {"[a]\nkind = city\nru = А\nkk = А\nen = A\nlatin = A\nnames = «»\n", 7, "has no words"},
      {"just words\n", 1, "expected 'key = value'"},
  };
  for (const ErrorCase& row : cases) {
    const RegionGazetteerLoad load = RegionGazetteer::parse(row.text);
    EXPECT_EQ(load.gazetteer, nullptr) << row.text;
    ASSERT_FALSE(load.errors.empty()) << row.text;
    const bool found = std::any_of(load.errors.begin(), load.errors.end(), [&](const auto& e) {
      return e.line == row.line && e.message.find(row.message_part) != std::string::npos;
    });
    EXPECT_TRUE(found) << row.text << " first error: " << load.errors[0].line << ": "
                       << load.errors[0].message;
  }
  EXPECT_NE(RegionGazetteer::parse(kValidEntry).gazetteer, nullptr);
}

TEST(RegionGazetteerTest, ParsesASmallFileOfItsOwn) {
  const std::string text = std::string("equivalent = город; г\n") + kValidEntry +
                           "names = город Икс\naliases = Иксик\n"
                           "[exclude]\nnames = Икс-Игрек\n";
  const RegionGazetteerLoad load = RegionGazetteer::parse(text);
  ASSERT_NE(load.gazetteer, nullptr);
  const RegionGazetteer& own = *load.gazetteer;
  EXPECT_EQ(own.region("x-city")->centre.ru, "Икс");  // a city is its own centre
  EXPECT_EQ(own.find("В г. Икс тепло.", ru).size(), 1u);
  EXPECT_TRUE(own.find("Видели Иксик.", ru).empty());  // an alias is not matched in text
  EXPECT_EQ(own.resolve("иксик").value_or(""), "x-city");
  EXPECT_TRUE(own.find("Поезд Икс-Игрек.", ru).empty());
}

}  // namespace
}  // namespace izdeu::analyzers
