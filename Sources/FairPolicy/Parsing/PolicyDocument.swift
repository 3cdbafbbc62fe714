/// One policy file as written, before `extends` is resolved.
struct PolicyDocument {
  /// The reader that parsed it; later passes record their diagnostics here too.
  let reader: YAMLReader
  /// `policy`.
  var id: Located<String>?
  /// `title`.
  var title: String?
  /// `version`.
  var version: String?
  /// `notes`.
  var notes: String?
  /// `extends`, each entry with its position.
  var extends: [Located<String>] = []
  /// `rules`.
  var rules: [RuleDeclaration] = []

  /// The file path.
  var file: String { reader.file }
}
