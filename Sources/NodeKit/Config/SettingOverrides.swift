/// The two layers above `nodes.yml`: flags, and environment variables (which win).
/// An environment variable set to the empty string counts as unset.
struct SettingOverrides {
    /// The error source for flags.
    static let commandLine = "command line"
    /// The error source for environment variables.
    static let environmentSource = "environment"

    let environment: [String: String]

    /// The environment variable's text when set and not empty.
    func environmentValue(_ name: String) -> String? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        return text
    }

    /// Where an override of this setting comes from, as `(source, field)`; `nil` when neither
    /// the variable nor the flag is given.
    func origin(flag: String?, flagName: String, variable: String) -> (source: String, field: String)? {
        if environmentValue(variable) != nil { return (Self.environmentSource, variable) }
        if flag != nil { return (Self.commandLine, flagName) }
        return nil
    }

    /// The overriding value: the variable's, else the flag's, parsed; `nil` when neither is given.
    /// A parse failure names the variable or the flag.
    func value<T>(
        _ flag: String?, flagName: String, variable: String, _ parse: (String) throws(ConfigProblem) -> T
    ) throws(ConfigError) -> T? {
        guard let origin = origin(flag: flag, flagName: flagName, variable: variable),
            let text = environmentValue(variable) ?? flag
        else { return nil }
        do {
            return try parse(text)
        } catch {
            throw ConfigError(source: origin.source, field: origin.field, message: error.message)
        }
    }
}
