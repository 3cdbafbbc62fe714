import FairModels
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

@Suite struct CommandModelTests {
  private static let twoFeatures = [ModelFeature(name: "x"), ModelFeature(name: "y")]

  private static func matrix(rows: Int, width: Int = 2) -> FeatureMatrix {
    var values: [Double] = []
    for row in 0..<rows {
      for column in 0..<width { values.append(Double(row) * 0.5 + Double(column)) }
    }
    return FeatureMatrix(values: values, rowCount: rows, featureCount: width)
  }

  @Test func scoresRowsWithAnAwkCommand() throws {
    let model = try CommandModel(
      command: "awk -F, 'NR>1{print $1*2+$2}'", features: Self.twoFeatures, outputIs: .margin,
      task: .regression)
    let data = Self.matrix(rows: 7)
    let margins = try model.predict(data)
    let expected = (0..<7).map { 2 * data[$0, 0] + data[$0, 1] }
    // awk prints with %.6g; the inputs are multiples of 0.5 below 10, printed exactly.
    expectAllClose(margins, expected, absolute: 1e-12, "awk output of exact binary values")
    #expect(model.outputTransform == .identity)
  }

  @Test func acceptsAHeaderLine() throws {
    let model = try CommandModel(
      command: "awk -F, 'NR==1{print \"prediction\"} NR>1{print $2}'",
      features: Self.twoFeatures, outputIs: .margin)
    let margins = try model.predict(Self.matrix(rows: 3))
    expectAllClose(margins, [1, 1.5, 2], absolute: 0, "exact decimal output")
  }

  @Test func readsProbabilitiesAsLogOdds() throws {
    let model = try CommandModel(
      command: "awk -F, 'NR>1{print 0.25}'", features: Self.twoFeatures, outputIs: .probability)
    let data = Self.matrix(rows: 2)
    let margins = try model.predict(data, output: .margin)
    let probabilities = try model.predict(data, output: .probability)
    // log(0.25 / 0.75) = −log 3; one rounding in log, one in the logistic round trip.
    expectAllClose(margins, [-Foundation.log(3.0), -Foundation.log(3.0)], absolute: 1e-15)
    expectAllClose(probabilities, [0.25, 0.25], absolute: 1e-15, "logistic(logit(p)) round trip")
  }

  @Test func splitsLargeBatchesIntoRuns() throws {
    // Each run numbers its own rows from 1, so batching shows in the output.
    let model = try CommandModel(
      command: "awk 'NR>1{print NR-1}'", features: Self.twoFeatures, outputIs: .margin,
      batchSize: 3)
    let margins = try model.predict(Self.matrix(rows: 8))
    expectAllClose(margins, [1, 2, 3, 1, 2, 3, 1, 2], absolute: 0, "integers print exactly")
  }

  @Test func streamsLargeBatchesWithoutDeadlock() throws {
    // The command writes 1 MB to standard error before reading anything, then echoes every
    // row: both directions must be drained while the input is written.
    let rows = 150_000
    let model = try CommandModel(
      command: "head -c 1000000 /dev/zero | tr '\\0' e >&2; awk -F, 'NR>1{print $3}'",
      features: (0..<5).map { ModelFeature(name: "f\($0)") }, outputIs: .margin,
      batchSize: rows)
    let data = Self.matrix(rows: rows, width: 5)
    let margins = try model.predict(data)
    #expect(margins.count == rows)
    // awk's %.6g keeps six significant digits of values up to 75,002.
    expectClose(margins[rows - 1], data[rows - 1, 2], relative: 1e-5, "awk %.6g output")
  }

  @Test(arguments: [1, 4])
  func scoresInParallelChunks(threads: Int) throws {
    let model = try CommandModel(
      command: "awk -F, 'NR>1{print $1+$2}'", features: Self.twoFeatures, outputIs: .margin,
      batchSize: 700)
    let data = Self.matrix(rows: 3000)
    let margins = try model.predict(data, threads: threads)
    let expected = (0..<3000).map { data[$0, 0] + data[$0, 1] }
    // Sums of halves below 1,500 print exactly with %.6g.
    expectAllClose(margins, expected, absolute: 0, "exact awk output")
  }

  @Test func writesCategoriesAsTheirLevelsAndMissingAsEmpty() throws {
    let folder = try FixturePaths.temporaryDirectory()
    let captured = folder + "/input.csv"
    let features = [
      ModelFeature(name: "amount"),
      ModelFeature(name: "purpose, main", kind: .categorical(levels: ["car", "tv \"new\""])),
    ]
    let model = try CommandModel(
      command: "tee '\(captured)' | awk 'NR>1{print 0}'", features: features, outputIs: .margin)
    let data = FeatureMatrix(
      values: [1.5, 0, .nan, 1, 2, .nan, 3, FeatureMatrix.unseenCategory], rowCount: 4,
      featureCount: 2)
    _ = try model.predict(data)
    let text = try String(contentsOfFile: captured, encoding: .utf8)
    #expect(
      text == "amount,\"purpose, main\"\n1.5,car\n,\"tv \"\"new\"\"\"\n2.0,\n3.0,\n")
  }

  @Test func reportsAFailingCommandWithItsStandardError() throws {
    let model = try CommandModel(
      command: "cat >/dev/null; echo 'model file missing' >&2; exit 3",
      features: Self.twoFeatures, outputIs: .margin)
    let error = #expect(throws: ModelError.self) { try model.predict(Self.matrix(rows: 2)) }
    #expect(error?.kind == .unreadable)
    #expect(error?.message.contains("exited with status 3") == true)
    #expect(error?.message.contains("model file missing") == true)
  }

  @Test func reportsGarbageOutputWithItsLine() throws {
    let model = try CommandModel(
      command: "cat >/dev/null; printf 'score\\n0.5\\nn/a\\n'", features: Self.twoFeatures,
      outputIs: .margin)
    let error = #expect(throws: ModelError.self) { try model.predict(Self.matrix(rows: 2)) }
    #expect(error?.kind == .malformed)
    #expect(error?.line == 3)
    #expect(error?.message.contains("'n/a'") == true)
  }

  @Test func rejectsProbabilitiesOutsideTheUnitInterval() throws {
    let model = try CommandModel(
      command: "awk 'NR>1{print 1.5}'", features: Self.twoFeatures, outputIs: .probability)
    let error = #expect(throws: ModelError.self) { try model.predict(Self.matrix(rows: 1)) }
    #expect(error?.line == 1)
  }

  @Test(arguments: ["awk 'NR>2{print 1}'", "awk 'NR>1{print 1; print 2}'"])
  func reportsAWrongRowCount(command: String) throws {
    let model = try CommandModel(command: command, features: Self.twoFeatures, outputIs: .margin)
    let error = #expect(throws: ModelError.self) { try model.predict(Self.matrix(rows: 5)) }
    #expect(error?.kind == .malformed)
    #expect(error?.message.contains("expected 5 numbers") == true)
  }

  @Test func killsAHangingCommandAtTheTimeout() throws {
    let folder = try FixturePaths.temporaryDirectory()
    let pidFile = folder + "/pid"
    let model = try CommandModel(
      command: "echo $$ > '\(pidFile)'; sleep 30 & sleep 30", features: Self.twoFeatures,
      outputIs: .margin, timeout: .seconds(1))
    let clock = ContinuousClock()
    let started = clock.now
    let error = #expect(throws: ModelError.self) { try model.predict(Self.matrix(rows: 2)) }
    let elapsed = started.duration(to: clock.now)
    #expect(error?.message.contains("did not finish") == true)
    #expect(elapsed < .seconds(5), "took \(elapsed)")
    let text = try String(contentsOfFile: pidFile, encoding: .utf8)
    let group = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    // Killed processes may linger briefly as zombies until reaped; none may stay alive.
    var alive = Self.liveProcesses(inGroup: group)
    for _ in 0..<40 where !alive.isEmpty {
      Thread.sleep(forTimeInterval: 0.05)
      alive = Self.liveProcesses(inGroup: group)
    }
    #expect(alive.isEmpty, "processes left in group \(group): \(alive)")
  }

  @Test func rejectsProbabilitiesFromARegressor() {
    #expect(throws: ModelError.self) {
      try CommandModel(
        command: "true", features: Self.twoFeatures, outputIs: .probability, task: .regression)
    }
  }

  /// The pids of processes in process group `group` that are not zombies, from `/proc`.
  private static func liveProcesses(inGroup group: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    var found: [Int32] = []
    for entry in entries {
      guard let pid = Int32(entry),
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { continue }
      // After "pid (comm) ": state, ppid, pgrp.
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      guard fields.count > 2, let pgrp = Int32(fields[2]) else { continue }
      if pgrp == group && fields[0] != "Z" { found.append(pid) }
    }
    return found
  }
}
