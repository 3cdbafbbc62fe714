import ArgumentParser

extension FairGateCommand {
  /// `fairgate data`: commands about data files.
  struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "data",
      abstract: "Inspect data files.",
      subcommands: [Describe.self]
    )
  }
}
