import ArgumentParser
import FairAttribution
import FairModels

/// Parses `--group NAME=col1,col2` values into feature groups of a model.
enum FeatureGroupOption {
  static func parse(_ entries: [String], model: any ScoringModel) throws -> [FeatureGroup] {
    let names = model.features.map(\.name)
    return try entries.map { entry in
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw ValidationError("'--group' expects NAME=col1,col2, not '\(entry)'")
      }
      let members = try parts[1].split(separator: ",").map { member -> Int in
        guard let index = names.firstIndex(of: String(member)) else {
          throw ValidationError(
            "'--group \(parts[0])' names '\(member)', which is not a feature of the model")
        }
        return index
      }
      return FeatureGroup(name: parts[0], members: members)
    }
  }
}
