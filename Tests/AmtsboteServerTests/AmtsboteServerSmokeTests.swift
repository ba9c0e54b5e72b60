import Testing
@testable import AmtsboteServer
