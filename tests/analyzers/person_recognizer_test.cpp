#include "analyzers/people/person_recognizer.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace izdeu::analyzers {
namespace {

// One expected mention: its surface and key.
struct Expected {
  std::string_view surface;
  std::string_view key;
};

struct Case {
  std::string_view name;
  std::string_view text;
  Language language;
  std::vector<Expected> mentions;  // every mention, in order
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      // ---- first name + surname, both orders, any case ----------------------
      {"first_last_nominative",
       "Вчера Юрий Лужков подал в отставку.",
       Language::kRussian,
       {{"Юрий Лужков", "лужков юрий"}}},
      {"first_last_genitive",
       "Отставка мэра Москвы Юрия Лужкова стала неожиданной.",
       Language::kRussian,
       {{"Юрия Лужкова", "лужков юрий"}}},
      {"first_last_instrumental_feminine",
       "Встреча с Дарьей Ивановой прошла в мэрии.",
       Language::kRussian,
       {{"Дарьей Ивановой", "иванова дарья"}}},
      {"foreign_surname_declined_after_first_name",
       "Он позвонил Майклу Каллену, а затем встретился с Майклом Калленом.",
       Language::kRussian,
       {{"Майклу Каллену", "каллен майкл"}, {"Майклом Калленом", "каллен майкл"}}},
      {"last_first_patronymic_genitive_undeclined_surname",
       "Приказ о назначении Гирш Леонида Юзефовича подписан.",
       Language::kRussian,
       {{"Гирш Леонида Юзефовича", "гирш леонид юзефович"}}},
      {"last_first_patronymic_feminine",
       "Наградить Хан Клары Александровны грамотой.",
       Language::kRussian,
       {{"Хан Клары Александровны", "хан клара александровна"}}},
      {"first_patronymic_last",
       "Борис Николаевич Ельцин выступил по телевидению.",
       Language::kRussian,
       {{"Борис Николаевич Ельцин", "ельцин борис николаевич"}}},
      {"same_person_every_order_folds_to_one_key",
       "Хан Клара Александровна получила премию. Клара Хан поблагодарила коллег. "
       "Поздравления Кларе Хан прислали из Астаны.",
       Language::kRussian,
       {{"Хан Клара Александровна", "хан клара александровна"},
        {"Клара Хан", "хан клара александровна"},
        {"Кларе Хан", "хан клара александровна"}}},
      {"yo_folded",
       "Артём Фёдоров выиграл турнир.",
       Language::kRussian,
       {{"Артём Фёдоров", "федоров артем"}}},
      // ---- initials before or after -----------------------------------------
      {"initials_before_joined",
       "Доклад сделал Л.Ю. Гирш.",
       Language::kRussian,
       {{"Л.Ю. Гирш", "гирш л. ю."}}},
      {"initials_before_spaced",
       "Доклад сделал Л. Ю. Гирш.",
       Language::kRussian,
       {{"Л. Ю. Гирш", "гирш л. ю."}}},
      {"initials_after",
       "Ответственный исполнитель Гирш Л. Ю. отсутствовал.",
       Language::kRussian,
       {{"Гирш Л. Ю.", "гирш л. ю."}}},
      {"initials_attach_to_full_name",
       "Леонид Юзефович Гирш возглавил отдел. Позже Л.Ю. Гирш ушел, а Гирш Л. Ю. вернулся.",
       Language::kRussian,
       {{"Леонид Юзефович Гирш", "гирш леонид юзефович"},
        {"Л.Ю. Гирш", "гирш леонид юзефович"},
        {"Гирш Л. Ю.", "гирш леонид юзефович"}}},
      // ---- bare surnames attach to the full name ---------------------------
      {"later_bare_surname_attaches",
       "Мэр Москвы Юрий Лужков уволен. Лужкова сменит его заместитель. Лужков не комментирует.",
       Language::kRussian,
       {{"Юрий Лужков", "лужков юрий"}, {"Лужкова", "лужков юрий"}, {"Лужков", "лужков юрий"}}},
      {"foreign_bare_surname_attaches",
       "Реджеп Эрдоган прибыл в Москву. Визит Эрдогана продлится два дня.",
       Language::kRussian,
       {{"Реджеп Эрдоган", "эрдоган реджеп"}, {"Эрдогана", "эрдоган реджеп"}}},
      {"first_name_and_patronymic_attach",
       "Борис Николаевич Ельцин приехал. Бориса Николаевича встречали.",
       Language::kRussian,
       {{"Борис Николаевич Ельцин", "ельцин борис николаевич"},
        {"Бориса Николаевича", "ельцин борис николаевич"}}},
      {"surname_by_form_alone",
       "Сегодня Назарбаев подписал указ.",
       Language::kRussian,
       {{"Назарбаев", "назарбаев"}}},
      // ---- titles before names ----------------------------------------------
      {"title_akim", "Об этом сообщил аким Есимов.", Language::kRussian, {{"Есимов", "есимов"}}},
      {"title_before_unknown_shape",
       "Как заявил депутат Гирш, закон примут.",
       Language::kRussian,
       {{"Гирш", "гирш"}}},
      {"title_and_country_before_name",
       "Президент России Владимир Путин и председатель Смит обсудили вопрос.",
       Language::kRussian,
       {{"Владимир Путин", "путин владимир"}, {"Смит", "смит"}}},
      {"kazakh_title_akim",
       "Облыс әкімі Бердібек Сапарбаев мәлімдеді. Кеңес төрағасы Жұмабек айтты.",
       Language::kKazakh,
       // A first name alone is a mention with no person key.
       {{"Бердібек Сапарбаев", "сапарбаев бердибек"}, {"Жұмабек", ""}}},
      // ---- Kazakh patronymics and case endings ------------------------------
      {"kazakh_patronymic_uly",
       "Нұрсұлтан Әбішұлы Назарбаев сөз сөйледі.",
       Language::kKazakh,
       {{"Нұрсұлтан Әбішұлы Назарбаев", "назарбаев нурсултан абишулы"}}},
      {"kazakh_patronymic_as_surname",
       "Бірлік Берікұлы мен Айман Темірғалиқызы келді.",
       Language::kKazakh,
       {{"Бірлік Берікұлы", "берикулы бирлик"}, {"Айман Темірғалиқызы", "темиргаликызы айман"}}},
      {"russian_spelled_kazakh_patronymic",
       "Встреча с Ерланом Кемелулы прошла в Астане.",
       Language::kRussian,
       {{"Ерланом Кемелулы", "кемелулы ерлан"}}},
      {"kazakh_case_endings",
       "Президент Қасым-Жомарт Тоқаевтың жарлығы шықты. Тоқаевқа хат жазылды. "
       "Назарбаевқа сәлем. Тоқаевпен кездесті.",
       Language::kKazakh,
       {{"Қасым-Жомарт Тоқаевтың", "токаев касым-жомарт"},
        {"Тоқаевқа", "токаев касым-жомарт"},
        {"Назарбаевқа", "назарбаев"},
        {"Тоқаевпен", "токаев касым-жомарт"}}},
      {"kazakh_and_russian_spellings_share_a_key",
       "Қасым-Жомарт Тоқаев Касым-Жомарт Токаев",
       Language::kKazakh,
       {{"Қасым-Жомарт Тоқаев", "токаев касым-жомарт"},
        {"Касым-Жомарт Токаев", "токаев касым-жомарт"}}},
      {"kazakh_suffix_on_foreign_surname",
       "Дональд Трамптың мәлімдемесі жарияланды.",
       Language::kKazakh,
       {{"Дональд Трамптың", "трамп дональд"}}},
      {"kazakh_feminine_surname",
       "Дариға Назарбаеваның сөзі.",
       Language::kKazakh,
       {{"Дариға Назарбаеваның", "назарбаева дарига"}}},
      {"kazakh_surname_first_order",
       "Сот Аманғалиев Серікті кінәлі деп тапты.",
       Language::kKazakh,
       {{"Аманғалиев Серікті", "амангалиев серик"}}},
      {"title_chairman_and_deputy",
       "Председатель Мукашев и депутат Ким Л. выступили.",
       Language::kRussian,
       {{"Мукашев", "мукашев"}, {"Ким Л.", "ким л."}}},
      {"kazakh_title_toraga_before_full_name",
       "Комиссия төрағасы Жанат Бектұров баяндама жасады.",
       Language::kKazakh,
       {{"Жанат Бектұров", "бектуров жанат"}}},
      {"kazakh_female_patronymic_with_case",
       "Айман Темірғалиқызына алғыс айтылды.",
       Language::kKazakh,
       {{"Айман Темірғалиқызына", "темиргаликызы айман"}}},
      // ---- other shapes -------------------------------------------------------
      {"unlisted_first_name_before_surname_form",
       "Президент ФИДЕ Кирсан Илюмжинов заявил, что встреча Кирсана Илюмжинова с ним была.",
       Language::kRussian,
       {{"Кирсан Илюмжинов", "илюмжинов кирсан"}, {"Кирсана Илюмжинова", "илюмжинов кирсан"}}},
      {"unlisted_first_name_with_patronymic",
       "Академик Роальд Зиннурович Сагдеев прочел лекцию.",
       Language::kRussian,
       {{"Роальд Зиннурович Сагдеев", "сагдеев роальд зиннурович"}}},
      {"adjectival_surname_declined",
       "Сторонники Алексея Навального вышли на улицы. Навальный призвал их.",
       Language::kRussian,
       {{"Алексея Навального", "навальный алексей"}, {"Навальный", "навальный алексей"}}},
      {"second_given_name_and_particle",
       "Андерс Фог Расмуссен и Марин Ле Пен встретились с Людвигом ван Бетховеном.",
       Language::kRussian,
       {{"Андерс Фог Расмуссен", "расмуссен андерс фог"},
        {"Марин Ле Пен", "ле пен марин"},
        {"Людвигом ван Бетховеном", "ван бетховен людвиг"}}},
      {"middle_initial",
       "Роман написал Джордж Х. Кинг.",
       Language::kRussian,
       {{"Джордж Х. Кинг", "кинг джордж х."}}},
      {"indeclinable_first_name_declined_surname",
       "Визит Франсуа Олланда и встреча с Франсуа Олландом.",
       Language::kRussian,
       {{"Франсуа Олланда", "олланд франсуа"}, {"Франсуа Олландом", "олланд франсуа"}}},
      {"latin_script_name",
       "Об этом рассказал Jürgen Klinsmann журналистам.",
       Language::kRussian,
       {{"Jürgen Klinsmann", "klinsmann jürgen"}}},
      {"east_asian_name",
       "Председатель КНР Си Цзиньпин встретился с Пак Кын Хе.",
       Language::kRussian,
       {{"Си Цзиньпин", "си цзиньпин"}, {"Пак Кын Хе", "пак кын хе"}}},
      {"sentence_start_surname_in_in",
       "Путин заявил о переговорах.",
       Language::kRussian,
       {{"Путин", "путин"}}},
      {"bare_first_name_inside_sentence",
       "Вчера к нам приехала Айгерим, и мы пошли гулять.",
       Language::kRussian,
       {{"Айгерим", ""}}},
      // ---- issue 16: names whole, in their gender, in every script -----------
      {"surname_unlisted_first_name_patronymic_genitive",
       "Встреча прошла с участием Айсаева Ризайдина Сеитовича и других.",
       Language::kRussian,
       {{"Айсаева Ризайдина Сеитовича", "айсаев ризайдин сеитович"}}},
      {"kazakh_female_surname_keeps_gender",
       "Айым Алиева жарыста жеңді. Алиеваның жеңісі.",
       Language::kKazakh,
       {{"Айым Алиева", "алиева айым"}, {"Алиеваның", "алиева айым"}}},
      {"russian_female_surname_keeps_gender",
       "В конкурсе победила Айым Алиева из Алматы.",
       Language::kRussian,
       {{"Айым Алиева", "алиева айым"}}},
      {"female_surname_not_taken_for_a_male_genitive",
       "Играли Максим Туров и Ирина Турова. Турова выиграла.",
       Language::kRussian,
       {{"Максим Туров", "туров максим"},
        {"Ирина Турова", "турова ирина"},
        {"Турова", "турова ирина"}}},
      {"first_names_alone_name_no_key",
       "Вчера Надя и Саша пришли к Лидии домой.",
       Language::kRussian,
       {{"Надя", ""}, {"Саша", ""}, {"Лидии", ""}}},
      {"first_name_patronymic_after_a_verb",
       "Приехал Александр Сергеевич, и все обрадовались.",
       Language::kRussian,
       {{"Александр Сергеевич", ""}}},
      {"first_name_joins_the_full_name",
       "Клара Хан выступила. Клара рассказала о планах.",
       Language::kRussian,
       {{"Клара Хан", "хан клара"}, {"Клара", "хан клара"}}},
      {"kazakh_latin_2021",
       "Memleket basshysy Qasym-Jomart Toqaev Nursultan Nazarbaevpen kezdesti.",
       Language::kKazakh,
       {{"Qasym-Jomart Toqaev", "токаев касым-жомарт"},
        {"Nursultan Nazarbaevpen", "назарбаев нурсултан"}}},
      {"kazakh_latin_2018",
       "Prezıdent Qasym-Jomart Toqaev Aıgúl Mukanovamen kezdesti.",
       Language::kKazakh,
       {{"Qasym-Jomart Toqaev", "токаев касым-жомарт"}, {"Aıgúl Mukanovamen", "муканова айгуль"}}},
      {"latin_names_in_cyrillic_text_stay_latin",
       "Об этом сообщил Donald Trump журналистам.",
       Language::kKazakh,
       {{"Donald Trump", "trump donald"}}},
      {"surname_after_a_reporting_verb",
       "«Думаю, мы решим это», — говорит Кокер.",
       Language::kRussian,
       {{"Кокер", "кокер"}}},
      {"holiday_after_a_verb_is_no_person",
       "Павлодар отметил День единства. Об этом сообщила Лента.ру со ссылкой на мэрию.",
       Language::kRussian,
       {}},
      {"kazakh_mister_and_dedi",
       "Кеше Гендон мырза хабарлама жіберді. «Біз жалғастырамыз», - деді Альбенс.",
       Language::kKazakh,
       {{"Гендон", "гендон"}, {"Альбенс", "альбенс"}}},
      // ---- things that are not people ---------------------------------------
      {"sentence_initial_noun_before_surname",
       "Встреча Порошенко с избирателями. Оптимизм Чилингарова не разделяют.",
       Language::kRussian,
       {{"Порошенко", "порошенко"}, {"Чилингарова", "чилингаров"}}},
      {"organizations_after_titles",
       "Председатель Совета директоров и посол Малайзии прибыли.",
       Language::kRussian,
       {}},
      {"adjective_phrase_is_not_a_surname",
       "Проект российской Кремниевой долины обсудили.",
       Language::kRussian,
       {}},
      {"kazakh_places_after_names",
       "Қасым-Жомарт Тоқаев Біріккен Араб Әмірліктеріне барды.",
       Language::kKazakh,
       {{"Қасым-Жомарт Тоқаев", "токаев касым-жомарт"}}},
      {"places_and_sentence_start_words",
       "Москва и Астана подписали соглашение. Причина в другом. Казахстан растет.",
       Language::kRussian,
       {}},
      {"common_noun_plural", "Городов-миллионников в стране шестнадцать.", Language::kRussian, {}},
      {"sentence_start_first_name_alone_is_not_enough",
       "Вера в будущее крепнет.",
       Language::kRussian,
       {}},
  };
  return kCases;
}

class PersonRecognizerTest : public ::testing::TestWithParam<Case> {};

TEST_P(PersonRecognizerTest, FindsEveryMentionWithItsKey) {
  const Case& c = GetParam();
  const std::vector<PersonMention> found = find_people(c.text, c.language);
  std::vector<std::string> got;
  for (const PersonMention& m : found) got.push_back(m.surface + " -> " + m.key);
  std::vector<std::string> want;
  for (const Expected& e : c.mentions) {
    want.push_back(std::string(e.surface) + " -> " + std::string(e.key));
  }
  auto joined = [](const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += line + "\n";
    return out;
  };
  EXPECT_EQ(got, want) << "got:\n" << joined(got) << "want:\n" << joined(want);
}

TEST_P(PersonRecognizerTest, OffsetsPointAtTheSurface) {
  const Case& c = GetParam();
  for (const PersonMention& m : find_people(c.text, c.language)) {
    ASSERT_LE(m.byte_end, c.text.size());
    EXPECT_EQ(c.text.substr(m.byte_begin, m.byte_end - m.byte_begin), m.surface);
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, PersonRecognizerTest, ::testing::ValuesIn(cases()),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(PersonRecognizerTest, KeyPartsAreExposed) {
  const auto found = find_people("Наградить Хан Клары Александровны.", Language::kRussian);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].surname, "хан");
  EXPECT_EQ(found[0].first_name, "клара");
  EXPECT_EQ(found[0].patronymic, "александровна");
}

TEST(PersonRecognizerTest, ArticleTitleAndBodyAreOneText) {
  const std::string text = "Касым-Жомарт Токаев посетил Атырау\n\nТокаев осмотрел завод.";
  const auto found = find_people(text, Language::kRussian);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].surface, "Токаев");
  EXPECT_EQ(found[1].key, "токаев касым-жомарт");
}

TEST(PersonRecognizerTest, SurvivesHostileInput) {
  const std::string inputs[] = {"",
                                ".",
                                "Л.",
                                "Гирш Л.",
                                std::string("\xD0\x9B\xFF\xD0"),
                                std::string("Клара \xC3\x28 Хан"),
                                "А. Б. В. Г. Д. Е.",
                                std::string(5000, 'A'),
                                "ХАН КЛАРА АЛЕКСАНДРОВНА"};
  for (const std::string& input : inputs) {
    for (Language language : {Language::kRussian, Language::kKazakh}) {
      for (const PersonMention& m : find_people(input, language)) {
        EXPECT_LE(m.byte_begin, m.byte_end);
        EXPECT_LE(m.byte_end, input.size());
        EXPECT_FALSE(m.key.empty());
      }
    }
  }
}

}  // namespace
}  // namespace izdeu::analyzers
