import Testing
@testable import AmtsboteStore

@Test func migratesAnEmptyDatabase() throws {
    let database = try AmtsboteDatabase.inMemory()
    let tables = try database.writer.read { db in
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    }
    #expect(tables.contains("conversation"))
    #expect(tables.contains("outboxEntry"))
}
