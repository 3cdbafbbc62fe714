import FairTabular

extension StarterWriter {
  /// The age bands: 40 is where the ADEA's protection starts, 62 Regulation B's "elderly".
  static let ageEdges = ["0", "25", "40", "62", ".inf"]
  /// The names of the age bands.
  static let ageLabels = ["under 25", "25-39", "40-61", "62+"]

  mutating func protectedAttributes() {
    comment(
      "Protected attributes, found by column name. Policies name them: the shipped packs "
        + "use 'sex' and 'race'. Rows whose value is missing or listed under 'unknown' are "
        + "counted but left out of comparisons.")
    line("protected:")
    if analysis.attributes.isEmpty {
      comment("check: no column looks like a protected attribute; name one", indent: 2)
      line("  - name: sex")
      line("    column: sex")
    }
    for attribute in analysis.attributes {
      attributeEntry(attribute)
    }
    line()
  }

  private mutating func attributeEntry(_ attribute: StarterAnalysis.Attribute) {
    if !attribute.probabilities.isEmpty {
      comment(
        "\(attribute.kind.description), estimated as membership probabilities (such as "
          + "BISG); rows are also assigned to their most probable group at p >= 0.8",
        indent: 2)
      line("  - name: " + YAMLScalar.quoted(attribute.name))
      let pairs = attribute.probabilities.map {
        YAMLScalar.quoted($0.group) + ": " + YAMLScalar.quoted($0.column)
      }
      line("    probabilities: {" + pairs.joined(separator: ", ") + "}")
      line("    assignment_threshold: 0.8")
      return
    }
    guard let column = attribute.column else { return }
    if attribute.isBinnedAge, let numbers = dataset.column(named: column)?.numeric {
      let present = numbers.values.filter { !$0.isNaN }
      let range =
        present.isEmpty
        ? ""
        : ", from \(StarterWriter.number(present.min() ?? 0)) to \(StarterWriter.number(present.max() ?? 0))"
      comment(
        "age: column '\(column)'\(range), cut into bands. 40 starts the ADEA's protected age "
          + "(29 U.S.C. 631); 62 is Regulation B's 'elderly' (12 CFR 1002.2(o)).",
        indent: 2)
    } else {
      let values = attribute.topValues.map { "\($0.value) (\($0.count))" }.joined(separator: ", ")
      let more = attribute.distinctCount > attribute.topValues.count ? ", …" : ""
      comment(
        "\(attribute.kind.description): column '\(column)', \(attribute.distinctCount) "
          + "values: \(values)\(more)",
        indent: 2)
    }
    if !attribute.modelInputs.isEmpty {
      comment(
        "WARNING: the model reads this attribute ("
          + attribute.modelInputs.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
          + (attribute.modelInputs.count > 3 ? ", …" : "") + "): "
          + StarterWriter.inputWarning(attribute.kind, domain: analysis.domain)
          + " Justify it or retrain without it.",
        indent: 2)
    }
    line("  - name: " + YAMLScalar.quoted(attribute.name))
    line("    column: " + YAMLScalar.quoted(column))
    if attribute.isBinnedAge {
      line("    bins: [" + StarterWriter.ageEdges.joined(separator: ", ") + "]")
      line("    labels: " + YAMLScalar.flowList(StarterWriter.ageLabels))
    }
    if !attribute.unknownValues.isEmpty {
      line("    unknown: " + YAMLScalar.flowList(attribute.unknownValues) + "   # check")
    }
    let example =
      attribute.isBinnedAge ? StarterWriter.ageLabels[1] : attribute.topValues.first?.value
    if let example {
      line(
        "    # reference: " + YAMLScalar.quoted(example) + "   # default: the most favoured group")
    }
  }

  /// Why a protected attribute as a model input matters, in the audit's domain.
  static func inputWarning(_ kind: ProtectedKind, domain: StarterAnalysis.Domain) -> String {
    switch domain {
    case .credit:
      "a prohibited basis as a model input (ECOA / Regulation B, 12 CFR 1002.6(b))."
        + (kind == .age
          ? " Regulation B allows age only in an empirically derived, demonstrably and "
            + "statistically sound system that does not score the elderly down "
            + "(12 CFR 1002.6(b)(2))." : "")
    case .hiring:
      "a protected characteristic as a model input is disparate treatment under US "
        + "employment law (Title VII, the ADEA, the ADA)."
    case .unknown:
      "a prohibited basis as a model input (ECOA / Regulation B in credit; Title VII, the "
        + "ADEA and the ADA in employment)."
    }
  }

  mutating func intersections() {
    let names = analysis.attributes.map(\.name)
    if names.contains("sex"), names.contains("race") {
      comment("Intersections: slices such as 'Female × Black' (NYC LL144 asks for sex × race).")
      line("intersections:")
      line("  - [sex, race]")
    } else {
      comment("Intersections of two or more attributes, such as sex × race:")
      let ordered = names.filter { $0 == "sex" } + names.filter { $0 != "sex" }
      let example =
        ordered.count >= 2 ? YAMLScalar.flowList(Array(ordered.prefix(2))) : "[sex, race]"
      line("# intersections:")
      line("#   - " + example)
    }
    line()
    comment(
      "Leave slices under this share of the data out of comparisons (NYC LL144 allows "
        + "excluding categories under 2%); default 0:")
    line("# minimum_slice_share: 0.02")
    line()
  }

  mutating func featureGroups() {
    let columns = Set(dataset.columnNames)
    let groups = analysis.featureGroups.filter { $0.members.allSatisfy(columns.contains) }
    comment("Feature groups report one-hot columns as the attribute they encode.")
    guard !groups.isEmpty else {
      line("# feature_groups:")
      line("#   purpose: [purpose_car, purpose_furniture]")
      line()
      return
    }
    line("feature_groups:")
    for group in groups {
      flowList(YAMLScalar.quoted(group.name), group.members, indent: 2)
    }
    line()
  }
}
