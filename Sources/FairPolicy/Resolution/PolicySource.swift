/// The text of a policy file, for loading policies that are not on disk.
public struct PolicySource: Hashable, Sendable {
  /// The path shown in diagnostics and used to resolve relative `extends` paths.
  public var file: String
  /// The YAML text.
  public var text: String

  /// Creates a source.
  public init(file: String, text: String) {
    self.file = file
    self.text = text
  }
}
