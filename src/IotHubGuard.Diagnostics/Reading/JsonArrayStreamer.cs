using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace IotHubGuard.Diagnostics.Reading;

/// <summary>
/// Streams the elements of the first array of a JSON document (the root array, or the <c>records</c> array of
/// <c>{"records":[…]}</c>) without loading the document: memory stays at the size of the largest single record.
/// </summary>
internal sealed class JsonArrayStreamer
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream stream;
    private readonly string file;
    private readonly Action<LogReadProblem> onProblem;
    private byte[] buffer = new byte[InitialBufferSize];
    private int dataStart;
    private int dataEnd;
    private bool endOfStream;
    private long lineAtDataStart = 1;
    private JsonReaderState state;
    private bool inArray;
    private bool done;
    private string? lastPropertyName;
    private int scanPosition;

    public JsonArrayStreamer(Stream stream, string file, Action<LogReadProblem> onProblem)
    {
        this.stream = stream;
        this.file = file;
        this.onProblem = onProblem;
        state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    }

    /// <summary>True when the document had no array at depth 0 or 1 (a single record document).</summary>
    public bool FoundNoArray { get; private set; }

    /// <summary>Each element as a parsed document with the line it starts on; the caller disposes each document.</summary>
    public IEnumerable<(JsonDocument Document, long Line)> Elements()
    {
        var ranges = new List<(int Offset, int Length)>();
        while (!done)
        {
            Fill();
            ranges.Clear();
            int consumed;
            string? error;
            try
            {
                consumed = Scan(ranges, out error);
            }
            catch (JsonException ex)
            {
                consumed = scanPosition - dataStart;
                error = (endOfStream ? "the file ends inside a record (truncated?): " : "malformed JSON: ") + TrimMessage(ex.Message);
                done = true;
            }

            long line = lineAtDataStart;
            int lineCountedTo = dataStart;
            foreach ((int offset, int length) in ranges)
            {
                line += CountNewlines(lineCountedTo, offset);
                lineCountedTo = offset;
                JsonDocument? document = null;
                try
                {
                    document = JsonDocument.Parse(new ReadOnlyMemory<byte>(buffer, offset, length));
                }
                catch (JsonException ex)
                {
                    onProblem(new LogReadProblem(file, line, "malformed record (" + TrimMessage(ex.Message) + ")"));
                }

                if (document != null)
                {
                    yield return (document, line);
                }
            }

            if (error != null)
            {
                long errorLine = lineAtDataStart + CountNewlines(dataStart, dataStart + consumed);
                onProblem(new LogReadProblem(file, errorLine, error + "; the records before this line were read, the rest of this file is skipped"));
                yield break;
            }

            lineAtDataStart += CountNewlines(dataStart, dataStart + consumed);
            dataStart += consumed;
            if (endOfStream && !done)
            {
                if (!inArray)
                {
                    FoundNoArray = true;
                }
                else
                {
                    onProblem(new LogReadProblem(file, lineAtDataStart, "the file ends inside the records array (truncated?); the records before this line were read"));
                }

                done = true;
            }
        }
    }

    private int Scan(List<(int Offset, int Length)> ranges, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, dataStart, dataEnd - dataStart), endOfStream, state);
        int consumed = 0;
        while (true)
        {
            JsonReaderState before = reader.CurrentState;
            int beforeConsumed = (int)reader.BytesConsumed;
            scanPosition = dataStart + beforeConsumed;
            if (!reader.Read())
            {
                state = before;
                return beforeConsumed;
            }

            if (!inArray)
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    lastPropertyName = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.StartArray
                    && (reader.CurrentDepth == 0 || (reader.CurrentDepth == 1 && string.Equals(lastPropertyName, "records", StringComparison.OrdinalIgnoreCase))))
                {
                    inArray = true;
                }
                else if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
                {
                    if (reader.CurrentDepth >= 1 && !reader.TrySkip())
                    {
                        state = before;
                        return beforeConsumed;
                    }
                }
                else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    FoundNoArray = true;
                    done = true;
                    return (int)reader.BytesConsumed;
                }

                consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
                continue;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                done = true;
                return (int)reader.BytesConsumed;
            }

            int start = (int)reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                if (!reader.TrySkip())
                {
                    if (endOfStream)
                    {
                        error = "the file ends inside a record (truncated?)";
                        done = true;
                        return start;
                    }

                    state = before;
                    return beforeConsumed;
                }

                ranges.Add((dataStart + start, (int)reader.BytesConsumed - start));
            }
            else if (reader.TokenType == JsonTokenType.StartArray && !reader.TrySkip())
            {
                state = before;
                return beforeConsumed;
            }

            consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            _ = consumed;
        }
    }

    private void Fill()
    {
        if (endOfStream)
        {
            return;
        }

        int unread = dataEnd - dataStart;
        if (dataStart > 0)
        {
            Buffer.BlockCopy(buffer, dataStart, buffer, 0, unread);
            dataStart = 0;
            dataEnd = unread;
        }

        if (dataEnd > buffer.Length / 2)
        {
            // One record larger than half the buffer: grow so a single record always fits.
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        while (dataEnd < buffer.Length)
        {
            int read = stream.Read(buffer, dataEnd, buffer.Length - dataEnd);
            if (read == 0)
            {
                endOfStream = true;
                break;
            }

            dataEnd += read;
        }
    }

    private long CountNewlines(int from, int to)
    {
        long count = 0;
        for (int i = from; i < to; i++)
        {
            if (buffer[i] == (byte)'\n')
            {
                count++;
            }
        }

        return count;
    }

    private static string TrimMessage(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut).TrimEnd('.', ' ') : message;
    }
}
