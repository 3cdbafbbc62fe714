import FairPolicy
import _FairSupport

extension ManifestParser {
  /// The `intersections:` list: each entry a list of two or more declared attributes.
  ///
  /// - Parameter names: The names written in `protected:`, for checks and suggestions.
  func intersections(_ node: YAMLNode, names: [String]) -> [IntersectionDeclaration] {
    var result: [IntersectionDeclaration] = []
    var firstSets: [Set<String>: SourcePosition] = [:]
    for item in reader.list(node) ?? [] {
      guard let entries = reader.list(item, acceptingSingle: true) else { continue }
      var attributes: [String] = []
      var positions: [SourcePosition] = []
      var isValid = true
      for entry in entries {
        guard let name = self.name(entry, what: "attribute name") else {
          isValid = false
          continue
        }
        if !names.contains(name) {
          var notes: [Diagnostic.Note] = []
          if let near = Suggestion.candidate(for: name, among: names) {
            notes.append(Diagnostic.Note(YAMLReader.Message.didYouMean(near)))
          }
          reader.error(Message.undeclaredAttribute(name), at: entry.position, notes: notes)
          isValid = false
        } else if attributes.contains(name) {
          reader.error(Message.repeatedInIntersection(name), at: entry.position)
          isValid = false
        }
        attributes.append(name)
        positions.append(entry.position)
      }
      if entries.count < 2 {
        reader.error(
          Message.intersectionOfOne(attributes.first), at: item.position)
        continue
      }
      guard isValid else { continue }
      let key = Set(attributes)
      if let first = firstSets[key] {
        reader.error(
          Message.duplicateIntersection(attributes), at: item.position,
          notes: [Message.firstWritten(attributes.joined(separator: " x "), at: first)])
        continue
      }
      firstSets[key] = item.position
      result.append(
        IntersectionDeclaration(
          attributes: attributes, position: item.position, attributePositions: positions))
    }
    return result
  }
}
