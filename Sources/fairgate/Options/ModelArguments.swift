public import ArgumentParser
public import FairModels

extension OutputSpace: ExpressibleByArgument {}
extension CommandModel.Output: ExpressibleByArgument {}
extension ModelTask: ExpressibleByArgument {}
