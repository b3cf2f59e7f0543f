using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhuThoCa.Documents.Nd30;

/// <summary>
/// A composed <see cref="OfficialLetter"/> as JSON: what a stored version keeps beside its PDF, so that its DOCX and the
/// comparison with another version are made from the version itself (issue 11 item 3), not from the request's current data.
/// </summary>
public static class OfficialLetterJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(OfficialLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return JsonSerializer.Serialize(letter, Options);
    }

    public static OfficialLetter Read(string json) =>
        JsonSerializer.Deserialize<OfficialLetter>(json, Options) ?? throw new JsonException("The stored letter content is empty.");
}
