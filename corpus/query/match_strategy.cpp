#include "corpus/query/match_strategy.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "corpus/index/xapian_errors.h"

namespace izdeu::corpus {
namespace {

using Query = Xapian::Query;

// The word's weight plus a constant for matching it. Xapian has no "add a
// constant" operator; a FixedWeightPostingSource matches every document with
// a fixed weight, so ANDing it with the word adds that weight to exactly the
// documents the word matches.
Query with_bonus(const Query& word, double bonus) {
  if (bonus <= 0) return word;
  return Query(Query::OP_AND, word,
               Query((new Xapian::FixedWeightPostingSource(bonus))->release()));
}

struct Plan {
  std::vector<bool> optional;  // per word
  std::vector<double> bonus;   // per word, for optional ones
  bool proximity = true;
};

Query assemble(const MatchClauses& clauses, const Plan& plan) {
  std::vector<Query> required = clauses.required;
  std::vector<Query> optional;
  for (std::size_t i = 0; i < clauses.words.size(); ++i) {
    const PlainWord& word = clauses.words[i];
    if (plan.optional[i]) {
      optional.push_back(with_bonus(word.query, plan.bonus.empty() ? 0 : plan.bonus[i]));
    } else {
      required.push_back(word.query);
    }
  }
  Query query;
  if (!required.empty() && !optional.empty()) {
    query = Query(Query::OP_AND_MAYBE, all_of(required), either_of(optional));
  } else if (!required.empty()) {
    query = all_of(required);
  } else if (!optional.empty()) {
    query = either_of(optional);
  } else {
    // Only filters and exclusions: every article they allow, unranked.
    query = Query(Query::OP_SCALE_WEIGHT, Query::MatchAll, 0);
  }

  if (plan.proximity) {
    std::vector<Query> pairs;
    for (std::size_t i = 0; i + 1 < clauses.words.size() && pairs.size() < kMaxProximityPairs;
         ++i) {
      // Between required words only: an optional word already ranks by the
      // coordination bonus, and checking positions in every article that has
      // any two neighbouring words costs several times the search itself
      // (BENCHMARKS.md).
      if (plan.optional[i] || plan.optional[i + 1]) continue;
      const PlainWord& left = clauses.words[i];
      const PlainWord& right = clauses.words[i + 1];
      if (left.tail.empty() || right.head.empty()) continue;
      const Query both[] = {left.tail, right.head};
      pairs.emplace_back(Query::OP_NEAR, std::begin(both), std::end(both), kProximityWindow);
    }
    if (!pairs.empty()) {
      query = Query(Query::OP_AND_MAYBE, query,
                    Query(Query::OP_SCALE_WEIGHT, either_of(pairs), kProximityWeight));
    }
  }
  if (!clauses.filters.empty()) query = Query(Query::OP_FILTER, query, all_of(clauses.filters));
  if (!clauses.excluded.empty()) {
    query = Query(Query::OP_AND_NOT, query, either_of(clauses.excluded));
  }
  return query;
}

// How many articles match, exactly up to `at_least` (a lower bound above it).
Xapian::doccount count(const Xapian::Database& database, const Query& query,
                       Xapian::doccount at_least) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting needs no ranking
  return enquire.get_mset(0, 0, at_least).get_matches_lower_bound();
}

// Articles a word matches (its document frequency): exact up to
// kExactFrequencyUpTo, estimated above. Xapian's estimate for a word that is
// an AND (a compound, initials «Л.Ю.») can be far off, and the order of
// relaxation depends on the small frequencies most.
constexpr Xapian::doccount kExactFrequencyUpTo = 1000;
Xapian::doccount frequency(const Xapian::Database& database, const Query& word) {
  Xapian::Enquire enquire(database);
  enquire.set_query(word);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, kExactFrequencyUpTo).get_matches_estimated();
}

double rarity(Xapian::doccount df, Xapian::doccount total) {
  if (df == 0 || total <= 1) return 1;
  return std::clamp(std::log(double(total) / df) / std::log(double(total)), 0.0, 1.0);
}

MatchOutcome finish(const MatchClauses& clauses, Plan plan) {
  MatchOutcome outcome;
  outcome.query = assemble(clauses, plan);
  return outcome;
}

// kAuto, only when every word together finds fewer than `relax_below`: with
// some full match, the fewest optional words (in `order`, least informative
// first) that reach kRelaxTarget, or as many articles as relaxing can find;
// with none, every word that may be.
Result<MatchOutcome> relax(const MatchClauses& clauses, const Xapian::Database& database,
                           const Plan& strict, Xapian::doccount relax_below) {
  std::vector<std::size_t> relaxable;
  for (std::size_t i = 0; i < clauses.words.size(); ++i) {
    if (!clauses.words[i].keep_required) relaxable.push_back(i);
  }
  if (relaxable.empty() || relax_below == 0) return finish(clauses, strict);

  const Xapian::doccount enough = std::max(relax_below, kRelaxTarget);
  Plan counting = strict;
  counting.proximity = false;
  auto count_with = [&](std::size_t optional, const std::vector<std::size_t>& order) {
    Plan plan = counting;
    for (std::size_t k = 0; k < optional; ++k) plan.optional[order[k]] = true;
    return count(database, assemble(clauses, plan), enough);
  };

  const Xapian::doccount all_words = count_with(0, relaxable);
  if (all_words >= relax_below) return finish(clauses, strict);

  // Least informative first: a word no article has, then the most frequent;
  // query order breaks ties (later words first: questions put the topic early).
  const Xapian::doccount total = database.get_doccount();
  std::vector<Xapian::doccount> df(clauses.words.size(), 0);
  for (std::size_t i : relaxable) df[i] = frequency(database, clauses.words[i].query);
  std::vector<std::size_t> order = relaxable;
  auto key = [&](std::size_t i) {
    return df[i] == 0 ? std::numeric_limits<Xapian::doccount>::max() : df[i];
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return key(a) != key(b) ? key(a) > key(b) : a > b;
  });
  // A word no article has tells nothing about the others: the query is on
  // target when some article has every word the archive holds. Then
  // relaxing only widens around its specific words: a rare word (a name, a
  // place), a numeral or an acronym stays required, and so does the rarest
  // word unless another clause anchors the query («Ерлан Сапаров» never
  // turns into «Ерлан» or «Сапаров»). Otherwise the words are put
  // differently in the article sought (a question's words rarely all are),
  // and every word becomes optional.
  const auto absent = static_cast<std::size_t>(
      std::count_if(relaxable.begin(), relaxable.end(), [&](std::size_t i) { return df[i] == 0; }));
  const bool on_target =
      all_words > 0 || (absent > 0 && absent < relaxable.size() && count_with(absent, order) > 0);
  if (on_target) {
    const bool anchored = !clauses.required.empty() || relaxable.size() < clauses.words.size();
    std::erase_if(order, [&](std::size_t i) {
      return df[i] > 0 && (clauses.words[i].exact_only || rarity(df[i], total) >= kRareWordRarity);
    });
    if (!anchored && order.size() == relaxable.size()) order.pop_back();
  }
  const std::size_t max_optional = order.size();
  if (max_optional == 0) return finish(clauses, strict);

  const Xapian::doccount most = count_with(max_optional, order);
  if (most <= all_words) return finish(clauses, strict);  // relaxing finds nothing more
  std::size_t low = max_optional;
  if (on_target) {
    // Matches only grow as words become optional: binary search the fewest
    // that reach kRelaxTarget (or as many as relaxing can find).
    const Xapian::doccount target = std::min(most, kRelaxTarget);
    low = 1;
    std::size_t high = max_optional;
    while (low < high) {
      const std::size_t middle = low + (high - low) / 2;
      if (count_with(middle, order) >= target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
  }

  // On target, each optional word adds a tier (full matches rank first);
  // otherwise a word adds a little by its rarity and BM25 decides, as the
  // closest article to a question is seldom the one that shares the most
  // of its words (BENCHMARKS.md, "Relaxation threshold").
  Plan plan = strict;
  plan.bonus.assign(clauses.words.size(), 0);
  MatchOutcome outcome;
  for (std::size_t k = 0; k < low; ++k) {
    const std::size_t i = order[k];
    plan.optional[i] = true;
    plan.bonus[i] = on_target ? kMatchedWordBonus + kRarityBonus * rarity(df[i], total)
                              : kNoFullMatchBonus * rarity(df[i], total);
    outcome.bonus_weight += plan.bonus[i];
    outcome.optional.push_back({clauses.words[i].text, clauses.words[i].query});
  }
  outcome.relaxed = true;
  outcome.full_matches = all_words;
  outcome.query = assemble(clauses, plan);
  return outcome;
}

Result<MatchOutcome> any(const MatchClauses& clauses, const Xapian::Database* database,
                         const Plan& strict) {
  Plan plan = strict;
  plan.bonus.assign(clauses.words.size(), 0);
  const Xapian::doccount total = database ? database->get_doccount() : 0;
  for (std::size_t i = 0; i < clauses.words.size(); ++i) {
    if (clauses.words[i].keep_required) continue;
    plan.optional[i] = true;
    const double rare = database ? rarity(frequency(*database, clauses.words[i].query), total) : 0;
    plan.bonus[i] = kMatchedWordBonus + kRarityBonus * rare;
  }
  MatchOutcome outcome = finish(clauses, plan);
  for (double bonus : plan.bonus) outcome.bonus_weight += bonus;
  return outcome;
}

}  // namespace

Xapian::Query all_of(const std::vector<Query>& queries) {
  if (queries.size() == 1) return queries.front();
  return Query(Query::OP_AND, queries.begin(), queries.end());
}

Xapian::Query either_of(const std::vector<Query>& queries) {
  if (queries.size() == 1) return queries.front();
  return Query(Query::OP_OR, queries.begin(), queries.end());
}

Result<MatchOutcome> combine_clauses(const MatchClauses& clauses, MatchMode mode,
                                     const Xapian::Database* database,
                                     Xapian::doccount relax_below) {
  Plan strict;
  strict.optional.assign(clauses.words.size(), false);
  if (clauses.words.size() < 2 && mode != MatchMode::kAny) return finish(clauses, strict);
  try {
    switch (mode) {
      case MatchMode::kAll:
        return finish(clauses, strict);
      case MatchMode::kAny:
        return any(clauses, database, strict);
      case MatchMode::kAuto:
        if (database == nullptr) return finish(clauses, strict);
        return relax(clauses, *database, strict, relax_below);
    }
  } catch (const Xapian::DatabaseModifiedError&) {
    // A commit landed while counting; the searcher reopens and searches
    // again, and this one query is answered with every word required.
    return finish(clauses, strict);
  } catch (const Xapian::Error& e) {
    return from_xapian(e, "index");
  }
  return finish(clauses, strict);
}

}  // namespace izdeu::corpus
