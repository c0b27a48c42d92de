using System.Collections.Generic;
using System.IO;
using System.Text;

namespace IotHubGuard.Diagnostics.Reading;

/// <summary>RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal sealed class CsvRowReader
{
    private readonly TextReader reader;
    private readonly StringBuilder field = new StringBuilder();
    private long line = 1;

    public CsvRowReader(TextReader reader)
    {
        this.reader = reader;
    }

    /// <summary>The next row and the line it starts on; false at the end. <paramref name="unterminated"/> is set when the file ends inside quotes.</summary>
    public bool TryReadRow(List<string> fields, out long startLine, out bool unterminated)
    {
        fields.Clear();
        field.Clear();
        startLine = line;
        unterminated = false;
        bool inQuotes = false;
        bool any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            char ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    line++;
                    fields.Add(field.ToString());
                    return true;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (!any)
        {
            return false;
        }

        unterminated = inQuotes;
        fields.Add(field.ToString());
        return true;
    }
}
