import FairAttribution
import FairModels
import _FairSupport

/// How often applicants' principal reasons change when the reference sample or their inputs
/// move a little.
///
/// Each replicate recomputes the reasons of the adverse decisions followed and counts the
/// applicants whose set of top-*K* codes differs from the original. The replicate's figure is
/// the share of followed decisions that changed; the report gives the mean share with the
/// percentile interval over replicates, and flags an applicant as unstable when its reasons
/// changed in more than ``unstableAbove`` of the replicates. Replicate *r* draws its seed from
/// a SplitMix64 stream started at the request's seed, so the same seed gives the same figures
/// for any thread count. A sampling attribution method (kernel, permutation, LIME) samples
/// with the request's seed in every replicate, as the original reasons do: only the
/// background or the inputs move, so the explainer's own sampling noise is not counted as
/// instability.
///
/// The adverse decisions followed are at most ``defaultSampleSize``, drawn by row id (the
/// rows whose hash of seed and id is smallest, ``ReasonTallies``), so that the cost stays
/// bounded on large data and the rows are the same however the data was split: with more
/// adverse decisions the share is an estimate for all of them, with a sampling error of at
/// most about `1/(2·√n)` on top of the interval over replicates, and ``adverseCount`` says how
/// many were followed. An unstable applicant's `row` is its row id (the 0-based data row when
/// the data has no id column).
///
/// - Background resampling: replicate *r*'s background is a fresh draw of the original's size
///   from the reference population, without replacement, by row id with the replicate's seed
///   (so all rows' draw is the merge of partitions' draws). A population no larger than the
///   background has no other sample to draw, and its reasons do not change.
/// - Input perturbation: every numeric input of the applicant moves by `δ·sd·u`, with `sd` the
///   feature's standard deviation over all rows (from exact sums) and `u` uniform on [−1, 1];
///   categorical and missing inputs stay. The background is the original one.
public struct ReasonStability: Sendable, Hashable, Codable {
  /// What moves between replicates.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// The background is resampled from the reference population.
    case backgroundResampling = "background-resampling"
    /// The applicant's numeric inputs are perturbed.
    case inputPerturbation = "input-perturbation"
  }

  /// One applicant whose reasons changed in more than ``unstableAbove`` of the replicates.
  public struct UnstableApplicant: Sendable, Hashable, Codable {
    /// The 0-based data row.
    public var row: Int
    /// The share of replicates in which its top-*K* codes changed.
    public var changeRate: Double
  }

  /// What moved.
  public var kind: Kind
  /// How many replicates were run.
  public var replicates: Int
  /// The seed.
  public var seed: UInt64
  /// The relative size δ of input perturbations; `nil` for background resampling.
  public var perturbation: Double?
  /// How many adverse decisions were followed.
  public var adverseCount: Int
  /// Mean over replicates of the share of adverse decisions whose top-*K* codes changed.
  public var changedShare: Double
  /// The percentile interval of the replicates' changed shares.
  public var interval: BootstrapInterval
  /// The change rate above which an applicant is unstable.
  public var unstableAbove: Double
  /// The unstable applicants, in data order.
  public var unstable: [UnstableApplicant]

  /// The default number of replicates.
  public static let defaultReplicates = 20
  /// The default largest number of adverse decisions followed.
  public static let defaultSampleSize = 1_000
  /// The default relative perturbation δ.
  public static let defaultPerturbation = 0.05
  /// The default change rate above which an applicant is unstable.
  public static let defaultUnstableAbove = 0.2

  /// The seeds of `count` replicates: the first values of a SplitMix64 stream started at
  /// `seed`.
  package static func replicateSeeds(seed: UInt64, count: Int) -> [UInt64] {
    var stream = SplitMix64(seed: seed)
    return (0..<max(0, count)).map { _ in stream.next() }
  }

  /// The adverse decisions a measurement follows, and what their reasons are measured with.
  struct Followed {
    /// The model.
    var model: any ScoringModel
    /// The derivation request (threads, output, seed, top).
    var request: ReasonRequest
    /// The ranking of codes.
    var ranking: ReasonRanking
    /// The explainer against the reference background.
    var plan: ExplanationPlan
    /// The followed rows, bound to the model's inputs.
    var rows: FeatureMatrix
    /// Their row ids (the stream keys of sampling methods, and the unstable applicants' rows).
    var ids: [UInt64]
    /// Their top-*K* codes against the reference background.
    var codes: [Set<String>]

    /// Follows `rows`, deriving their reasons against `plan`.
    init(
      model: any ScoringModel, request: ReasonRequest, ranking: ReasonRanking,
      plan: ExplanationPlan, rows: FeatureMatrix, ids: [UInt64]
    ) throws {
      self.model = model
      self.request = request
      self.ranking = ranking
      self.plan = plan
      self.rows = rows
      self.ids = ids
      let attributions = try ReasonDerivation.attribute(
        model: model, rows: rows, margins: nil, plan: plan, request: request,
        seed: request.seed, threads: request.threads, rowKeys: ids, needsPredictions: false)
      codes = (0..<rows.rowCount).map {
        Set(ranking.candidates(attributions.row($0)).prefix(request.top).map(\.code))
      }
    }
  }

  /// Measures stability under background resampling: replicate *r* derives the followed
  /// reasons against `backgrounds[r]`, a fresh draw of the reference background's size from
  /// the reference population (without replacement; so a population no larger than the
  /// background gives the same background, and no change).
  ///
  /// - Parameters:
  ///   - followed: The adverse decisions followed.
  ///   - backgrounds: One background per replicate; at least 2.
  ///   - seed: The seed of the replicate stream (the backgrounds' seeds).
  ///   - unstableAbove: The change rate above which an applicant is unstable.
  /// - Throws: Whatever attribution throws.
  static func backgroundResampling(
    _ followed: Followed, backgrounds: [FeatureMatrix], seed: UInt64,
    unstableAbove: Double = defaultUnstableAbove
  ) throws -> ReasonStability {
    try measure(
      followed, kind: .backgroundResampling, replicates: backgrounds.count, seed: seed,
      perturbation: nil, unstableAbove: unstableAbove
    ) { replicate, _, rows in (rows, backgrounds[replicate]) }
  }

  /// Measures stability under small perturbations of the applicants' numeric inputs.
  ///
  /// - Parameters:
  ///   - followed: The adverse decisions followed.
  ///   - spreads: Each input's standard deviation over all rows; `nil` for an input that does
  ///     not move (categorical, or fewer than two values).
  ///   - replicates: How many perturbations; at least 2.
  ///   - perturbation: The relative size δ; positive.
  ///   - seed: The seed of the replicate stream.
  ///   - unstableAbove: The change rate above which an applicant is unstable.
  /// - Throws: Whatever attribution throws.
  static func inputPerturbation(
    _ followed: Followed, spreads: [Double?], replicates: Int = defaultReplicates,
    perturbation: Double = defaultPerturbation, seed: UInt64,
    unstableAbove: Double = defaultUnstableAbove
  ) throws -> ReasonStability {
    try measure(
      followed, kind: .inputPerturbation, replicates: replicates, seed: seed,
      perturbation: perturbation, unstableAbove: unstableAbove
    ) { _, generator, rows in
      var moved = rows
      for row in 0..<moved.rowCount {
        for (feature, sd) in spreads.enumerated() {
          guard let sd else { continue }
          let index = row * moved.featureCount + feature
          let u = 2 * generator.nextDouble() - 1
          if !moved.values[index].isNaN { moved.values[index] += perturbation * sd * u }
        }
      }
      return (moved, nil)
    }
  }

  /// The replicates of each measurement that a request for `requested` runs: none below 2,
  /// since one replicate has no spread to measure.
  package static func replicatesRun(_ requested: Int) -> Int { requested >= 2 ? requested : 0 }

  /// Runs the replicates: `vary` gives each one's rows, and its background when that moves
  /// (`nil` keeps the reference background's explainer).
  ///
  /// Replicates run in parallel, one thread each; replicate *r*'s generator starts at the
  /// *r*-th seed of the stream, so the figures do not depend on the thread count.
  private static func measure(
    _ followed: Followed, kind: Kind, replicates: Int, seed: UInt64, perturbation: Double?,
    unstableAbove: Double,
    vary: @Sendable (Int, inout SplitMix64, FeatureMatrix) -> (FeatureMatrix, FeatureMatrix?)
  ) throws -> ReasonStability {
    precondition(replicates >= 2, "'replicates' must be at least 2, not \(replicates)")
    let count = followed.rows.rowCount
    let seeds = replicateSeeds(seed: seed, count: replicates)
    let changedRows = try ParallelChunks.map(
      count: count == 0 ? 0 : replicates, threads: followed.request.threads
    ) { replicate throws -> [Bool] in
      var generator = SplitMix64(seed: seeds[replicate])
      let (varied, background) = vary(replicate, &generator, followed.rows)
      let plan =
        try background.map {
          try ReasonDerivation.plan(
            model: followed.model, background: $0, method: followed.plan.method,
            request: followed.request, threads: 1)
        } ?? followed.plan
      let attributions = try ReasonDerivation.attribute(
        model: followed.model, rows: varied, margins: nil, plan: plan,
        request: followed.request, seed: followed.request.seed, threads: 1,
        rowKeys: followed.ids,
        needsPredictions: false)
      return (0..<count).map { row in
        let codes = followed.ranking.candidates(attributions.row(row))
          .prefix(followed.request.top).map(\.code)
        return Set(codes) != followed.codes[row]
      }
    }
    var changes = [Int](repeating: 0, count: count)
    var shares: [Double] = []
    for replicate in 0..<replicates {
      guard replicate < changedRows.count else {
        shares.append(0)
        continue
      }
      var changed = 0
      for (index, moved) in changedRows[replicate].enumerated() where moved {
        changed += 1
        changes[index] += 1
      }
      shares.append(Double(changed) / Double(count))
    }
    let unstable = (0..<count).compactMap { index -> UnstableApplicant? in
      let rate = Double(changes[index]) / Double(replicates)
      return rate > unstableAbove
        ? UnstableApplicant(row: Int(truncatingIfNeeded: followed.ids[index]), changeRate: rate)
        : nil
    }.sorted { $0.row < $1.row }
    return ReasonStability(
      kind: kind, replicates: replicates, seed: seed, perturbation: perturbation,
      adverseCount: count, changedShare: shares.reduce(0, +) / Double(replicates),
      interval: BootstrapInterval(replicates: shares), unstableAbove: unstableAbove,
      unstable: unstable)
  }
}
