import Testing
@testable import AmtsboteCLI
