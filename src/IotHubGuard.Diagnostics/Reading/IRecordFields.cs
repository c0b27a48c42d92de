namespace IotHubGuard.Diagnostics.Reading;

/// <summary>Named fields of one exported record, looked up case-insensitively, whatever the file shape.</summary>
internal interface IRecordFields
{
    /// <summary>The field's text (numbers as written, objects as JSON), or null when absent or null.</summary>
    string? Get(string name);

    /// <summary>
    /// The nested object named <paramref name="name"/>: a JSON object, or a string that holds a JSON object (the
    /// <c>properties</c> of storage exports and <c>properties_s</c> of Log Analytics). Null when absent or not an object.
    /// </summary>
    IRecordFields? GetObject(string name);
}
