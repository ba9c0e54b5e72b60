import Foundation
import Testing

@testable import AmtsboteServer

#if canImport(Glibc)
import Glibc
#endif

/// A client that stops halfway through a request does not hold its connection for good (3,000
/// such connections stayed open and could exhaust the server's file descriptors).
@Suite struct IdleTimeoutTests {
    /// Connects to `port`, sends `text`, and waits up to `wait` seconds for the server to close
    /// the connection; true when it did.
    static func serverCloses(port: Int, after text: String, wait: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return false }
        var timeout = timeval(tv_sec: wait, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = text.withCString { send(socket, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { return true }  // closed by the server
            if count < 0 { return false }  // timed out: still open
        }
    }

    @Test func aHalfSentRequestIsClosedAfterTheIdleTimeout() async throws {
        try await withFakePlatform { _, fakePort in
            try await ServerHarness.run(fakePort: fakePort, adjust: { $0.idleTimeout = 1 }) { server in
                let half = "POST /chat/api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"
                #expect(Self.serverCloses(port: server.port, after: half, wait: 5))
                #expect(Self.serverCloses(port: server.port, after: "GET /healthz HTT", wait: 5))
            }
        }
    }
}
