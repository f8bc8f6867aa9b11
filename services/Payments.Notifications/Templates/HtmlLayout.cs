using System.Net;

namespace Payments.Notifications.Templates;

/// <summary>The HTML frame every email shares. Values reach it only through <see cref="Encode"/>.</summary>
internal static class HtmlLayout
{
    public static string Encode(string value) => WebUtility.HtmlEncode(value);

    /// <param name="title">Plain text; encoded here.</param>
    /// <param name="paragraphs">Already encoded HTML fragments, one per paragraph.</param>
    public static string Page(string title, params string[] paragraphs) =>
        $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{Encode(title)}</title></head>
        <body style="font-family: sans-serif; line-height: 1.5;">
        <h1 style="font-size: 1.25em;">{Encode(title)}</h1>
        {string.Join("\n", paragraphs.Select(p => $"<p>{p}</p>"))}
        </body></html>
        """;
}
