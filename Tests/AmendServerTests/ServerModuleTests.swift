import Testing

@testable import AmendServer

@Suite struct ServerModuleTests {
  @Test func moduleLinks() {}
}
