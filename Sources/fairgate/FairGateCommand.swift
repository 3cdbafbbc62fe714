import ArgumentParser

@main
struct FairGateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "fairgate")
  func run() async throws {}
}
