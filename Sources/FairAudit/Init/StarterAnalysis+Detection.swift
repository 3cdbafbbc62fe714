import FairTabular

extension StarterAnalysis {
  /// Analyses `dataset` for the starter manifest.
  ///
  /// - Parameters:
  ///   - dataset: The data.
  ///   - dataPath: The data file's path, whose words count towards the domain.
  ///   - hasModel: Whether a model is given (else score and decision columns are looked for).
  ///   - modelFeatures: The model's inputs, if known; else every column that has no other role.
  init(dataset: Dataset, dataPath: String, hasModel: Bool, modelFeatures: [String]?) {
    idColumn = StarterAnalysis.idColumn(in: dataset)
    var taken = Set([idColumn].compactMap { $0 })
    if !hasModel {
      scoreColumn =
        dataset.columns.first { column in
          column.numeric != nil && !taken.contains(column.name)
            && !StarterAnalysis.scoreWords.isDisjoint(with: ProtectedKind.tokens(of: column.name))
        }?.name
      if let scoreColumn { taken.insert(scoreColumn) }
      decision = dataset.columns.first { column in
        !taken.contains(column.name) && StarterAnalysis.distinctValues(of: column).count == 2
          && !StarterAnalysis.decisionWords.isDisjoint(with: ProtectedKind.tokens(of: column.name))
      }.map { StarterAnalysis.outcome(of: $0) }
      if let decision { taken.insert(decision.column) }
    }
    attributes = StarterAnalysis.attributes(in: dataset, excluding: taken)
    for attribute in attributes {
      taken.formUnion([attribute.column].compactMap { $0 })
      taken.formUnion(attribute.probabilities.map(\.column))
    }
    label = StarterAnalysis.label(in: dataset, excluding: taken)
    if let label { taken.insert(label.column) }
    // Without the model's inputs, suggest every column with no role, protected ones left out.
    let protectedColumns = Set(
      attributes.flatMap { attribute in
        attribute.probabilities.map(\.column) + [attribute.column].compactMap { $0 }
      })
    features =
      modelFeatures
      ?? dataset.columnNames.filter {
        !protectedColumns.contains($0) && $0 != idColumn && $0 != label?.column
          && $0 != scoreColumn && $0 != decision?.column
      }
    if let modelFeatures {
      for index in attributes.indices {
        guard let column = attributes[index].column else { continue }
        attributes[index].modelInputs = modelFeatures.filter {
          $0 == column || $0.hasPrefix(column + "=")
        }
      }
    }
    proxies = dataset.columnNames.filter { name in
      !taken.contains(name)
        && !StarterAnalysis.proxyWords.isDisjoint(with: ProtectedKind.tokens(of: name))
    }
    featureGroups = StarterAnalysis.oneHotGroups(features)
    domain = StarterAnalysis.domain(of: dataset.columnNames + [dataPath])
  }

  // MARK: - Roles

  /// The first column named like an id whose values are all present and distinct.
  private static func idColumn(in dataset: Dataset) -> String? {
    dataset.columns.first { column in
      let words = ProtectedKind.tokens(of: column.name)
      guard words.last == "id" || words.contains("identifier") || words.first == "id" else {
        return false
      }
      return column.missingCount == 0 && distinctValues(of: column).count == column.count
    }?.name
  }

  /// The label: a two-valued column named like an outcome, else the last two-valued column
  /// with no other role.
  private static func label(in dataset: Dataset, excluding taken: Set<String>) -> Outcome? {
    let candidates = dataset.columns.filter {
      !taken.contains($0.name) && distinctValues(of: $0).count == 2
    }
    let named = candidates.first {
      !labelWords.isDisjoint(with: ProtectedKind.tokens(of: $0.name))
        || $0.name.lowercased() == "credit_risk"
    }
    guard let column = named ?? candidates.last else { return nil }
    var outcome = outcome(of: column)
    if named == nil { outcome.isGuessed = true }
    return outcome
  }

  /// An outcome column with its favourable value guessed from the values' words.
  private static func outcome(of column: Column) -> Outcome {
    let values = distinctValues(of: column).sorted()
    if column.numeric != nil {
      let words = Set(ProtectedKind.tokens(of: column.name))
      let adverse = ["default", "defaulted", "bad", "delinquent", "fraud", "churn", "risk"]
      let isAdverse = !words.isDisjoint(with: adverse)
      return Outcome(
        column: column.name, favourable: isAdverse ? "0" : "1", isGuessed: true, values: values)
    }
    if let good = values.first(where: { favourableWords.contains($0.lowercased()) }) {
      return Outcome(column: column.name, favourable: good, isGuessed: false, values: values)
    }
    if let bad = values.first(where: { unfavourableWords.contains($0.lowercased()) }),
      let other = values.first(where: { $0 != bad })
    {
      return Outcome(column: column.name, favourable: other, isGuessed: false, values: values)
    }
    return Outcome(column: column.name, favourable: values.first, isGuessed: true, values: values)
  }

  /// The protected attributes the column names suggest, with unique names.
  private static func attributes(in dataset: Dataset, excluding taken: Set<String>) -> [Attribute] {
    var result: [Attribute] = []
    var names = Set<String>()
    func uniqueName(_ preferred: String, column: String) -> String {
      let name = names.contains(preferred) ? column : preferred
      names.insert(name)
      return name
    }
    var probabilityColumns: [(group: String, column: String)] = []
    for column in dataset.columns
    where !taken.contains(column.name) && column.missingCount < column.count {
      let words = ProtectedKind.tokens(of: column.name)
      if column.numeric != nil, words.count == 2, ["p", "prob", "pr"].contains(words[0]),
        raceGroups.contains(words[1])
      {
        probabilityColumns.append(
          (words[1].prefix(1).uppercased() + words[1].dropFirst(), column.name))
        continue
      }
      guard let kind = ProtectedKind.kind(ofColumn: column.name) else { continue }
      let isAge = kind == .age && column.numeric != nil
      var attribute = Attribute(
        kind: kind, name: uniqueName(isAge ? "age_band" : kind.attributeName, column: column.name),
        column: column.name, isBinnedAge: isAge)
      let counts = valueCounts(of: column)
      attribute.distinctCount = counts.count
      attribute.topValues = Array(counts.prefix(6))
      attribute.unknownValues = counts.map(\.value).filter {
        unknownWords.contains($0.lowercased())
      }
      result.append(attribute)
    }
    if probabilityColumns.count >= 2 {
      var attribute = Attribute(
        kind: .race, name: uniqueName("race", column: "race_estimated"), column: nil)
      attribute.probabilities = probabilityColumns
      result.append(attribute)
    }
    return result
  }

  /// Groups of one-hot inputs written `attribute=value`, with at least two members.
  private static func oneHotGroups(_ features: [String]) -> [(name: String, members: [String])] {
    var order: [String] = []
    var members: [String: [String]] = [:]
    for feature in features {
      guard let equals = feature.firstIndex(of: "="), equals != feature.startIndex else {
        continue
      }
      let name = String(feature[..<equals])
      if members[name] == nil { order.append(name) }
      members[name, default: []].append(feature)
    }
    return order.compactMap { name in
      let group = members[name] ?? []
      return group.count >= 2 ? (name, group) : nil
    }
  }

  /// Hiring or credit, by the words of the column names and the data file's name.
  private static func domain(of names: [String]) -> Domain {
    var hiring = 0
    var credit = 0
    for name in names {
      let words = Set(ProtectedKind.tokens(of: name))
      hiring += words.intersection(hiringWords).count
      credit += words.intersection(creditWords).count
    }
    if hiring > credit { return .hiring }
    if credit > hiring { return .credit }
    return .unknown
  }

  // MARK: - Values

  /// The distinct non-missing values of a column, as text.
  static func distinctValues(of column: Column) -> Set<String> {
    ManifestValidator.labels(of: column)
  }

  /// The values of a column with their counts, most frequent first (ties by value).
  static func valueCounts(of column: Column) -> [(value: String, count: Int)] {
    var counts: [String: Int] = [:]
    switch column {
    case .categorical(let labels):
      for (index, count) in labels.levelCounts().enumerated() where count > 0 {
        counts[labels.levels[index]] = count
      }
    case .numeric(let numbers):
      for value in numbers.values where !value.isNaN {
        counts[ManifestValidator.label(of: value), default: 0] += 1
      }
    }
    return counts.map { (value: $0.key, count: $0.value) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value
    }
  }
}
