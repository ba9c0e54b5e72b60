import AmtsboteCLI

/// The `amtsbote` executable: all commands live in the AmtsboteCLI library.
@main
struct Entrypoint {
    static func main() async {
        await AmtsboteCommand.main()
    }
}
