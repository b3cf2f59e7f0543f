namespace PhuThoCa.Documents.Layout;

/// <summary>
/// Lays out a bordered table: the header rows (with merged cells) become one band that repeats on each
/// page; each body row is one band, or several if it is taller than a page (cut between lines).
/// </summary>
internal sealed class TableLayout
{
    private readonly LayoutEngine _engine;
    private readonly Table _table;
    private readonly float _bodyHeight;
    private readonly float[] _columnX;

    public TableLayout(LayoutEngine engine, Table table, float x, float width, float bodyHeight)
    {
        _engine = engine;
        _table = table;
        _bodyHeight = bodyHeight;
        var total = table.ColumnWeights.Sum();
        _columnX = new float[table.ColumnWeights.Count + 1];
        _columnX[0] = x;
        for (var i = 0; i < table.ColumnWeights.Count; i++)
        {
            _columnX[i + 1] = _columnX[i] + (width * table.ColumnWeights[i] / total);
        }
    }

    private int ColumnCount => _table.ColumnWeights.Count;

    public IEnumerable<Band> Layout()
    {
        if (_table.SpaceBefore > 0)
        {
            yield return Band.Space(_table.SpaceBefore);
        }

        Band? header = null;
        if (_table.HeaderRows.Count > 0)
        {
            header = LayoutHeader();
            header.KeepWithNext = true;
            yield return header;
        }

        var maxRowHeight = _bodyHeight - (header?.Height ?? 0);
        foreach (var row in _table.Rows)
        {
            foreach (var band in LayoutRow(row, header, maxRowHeight))
            {
                yield return band;
            }
        }

        if (_table.SpaceAfter > 0)
        {
            yield return Band.Space(_table.SpaceAfter);
        }
    }

    private Band LayoutHeader()
    {
        var rows = _table.HeaderRows.Count;
        var taken = new bool[rows, ColumnCount];
        var placed = new List<(int Row, int Col, TableCell Cell, List<DrawOp> Ops, float Height)>();
        for (var r = 0; r < rows; r++)
        {
            var c = 0;
            foreach (var cell in _table.HeaderRows[r].Cells)
            {
                while (c < ColumnCount && taken[r, c])
                {
                    c++;
                }

                if (c + cell.ColSpan > ColumnCount || r + cell.RowSpan > rows)
                {
                    throw new ArgumentException($"Header cell at row {r + 1} spans past the table.");
                }

                for (var rr = r; rr < r + cell.RowSpan; rr++)
                {
                    for (var cc = c; cc < c + cell.ColSpan; cc++)
                    {
                        taken[rr, cc] = true;
                    }
                }

                var (ops, height) = LayoutCell(cell, c);
                placed.Add((r, c, cell, ops, height + (2 * _table.CellPaddingY)));
                c += cell.ColSpan;
            }
        }

        var rowHeights = new float[rows];
        foreach (var p in placed.Where(p => p.Cell.RowSpan == 1))
        {
            rowHeights[p.Row] = Math.Max(rowHeights[p.Row], p.Height);
        }

        foreach (var p in placed.Where(p => p.Cell.RowSpan > 1))
        {
            var spanned = rowHeights.Skip(p.Row).Take(p.Cell.RowSpan).Sum();
            if (p.Height > spanned)
            {
                rowHeights[p.Row + p.Cell.RowSpan - 1] += p.Height - spanned;
            }
        }

        var ops2 = new List<DrawOp>();
        foreach (var p in placed)
        {
            var top = rowHeights.Take(p.Row).Sum();
            var height = rowHeights.Skip(p.Row).Take(p.Cell.RowSpan).Sum();
            AddCell(ops2, p.Cell, p.Col, p.Ops, p.Height, top, height);
        }

        return new Band(rowHeights.Sum(), ops2);
    }

    private IEnumerable<Band> LayoutRow(TableRow row, Band? header, float maxRowHeight)
    {
        var cells = new List<(TableCell Cell, int Col)>();
        var c = 0;
        foreach (var cell in row.Cells)
        {
            if (cell.RowSpan != 1)
            {
                throw new NotSupportedException("Only header cells may span rows.");
            }

            if (c + cell.ColSpan > ColumnCount)
            {
                throw new ArgumentException("A body row has more cells than the table has columns.");
            }

            cells.Add((cell, c));
            c += cell.ColSpan;
        }

        if (cells.Count == 0)
        {
            yield break;
        }

        var laid = cells.Select(x => (x.Cell, x.Col, Layout: LayoutCell(x.Cell, x.Col))).ToList();
        var height = laid.Max(x => x.Layout.Height) + (2 * _table.CellPaddingY);
        if (height <= maxRowHeight)
        {
            var ops = new List<DrawOp>();
            foreach (var (cell, col, (cellOps, cellHeight)) in laid)
            {
                AddCell(ops, cell, col, cellOps, cellHeight + (2 * _table.CellPaddingY), 0, height);
            }

            yield return new Band(height, ops) { RepeatHeader = header };
            yield break;
        }

        // Taller than a page: cut every cell between its lines, page-sized chunk by chunk.
        var limit = maxRowHeight - (2 * _table.CellPaddingY);
        var queues = cells.Select(x => new Queue<Band>(CellLines(x.Cell, x.Col))).ToList();
        while (queues.Any(q => q.Count > 0))
        {
            var ops = new List<DrawOp>();
            var chunkHeight = 0f;
            var chunks = new List<(List<DrawOp> Ops, float Height)>();
            foreach (var queue in queues)
            {
                var take = new List<Band>();
                var used = 0f;
                while (queue.Count > 0 && (take.Count == 0 || used + queue.Peek().Height <= limit))
                {
                    used += queue.Peek().Height;
                    take.Add(queue.Dequeue());
                }

                chunks.Add(Band.Stack(take));
                chunkHeight = Math.Max(chunkHeight, used);
            }

            var bandHeight = chunkHeight + (2 * _table.CellPaddingY);
            for (var i = 0; i < cells.Count; i++)
            {
                var (cellOps, cellHeight) = chunks[i];
                AddCell(ops, cells[i].Cell with { VerticalAlignment = VerticalAlignment.Top }, cells[i].Col, cellOps,
                    cellHeight + (2 * _table.CellPaddingY), 0, bandHeight);
            }

            yield return new Band(bandHeight, ops) { RepeatHeader = header };
        }
    }

    private (List<DrawOp> Ops, float Height) LayoutCell(TableCell cell, int col)
    {
        var (x, width) = ContentBox(cell, col);
        return _engine.LayoutStacked(cell.Content, x, width, _bodyHeight);
    }

    private List<Band> CellLines(TableCell cell, int col)
    {
        var (x, width) = ContentBox(cell, col);
        return _engine.LayoutLines(cell.Content, x, width, _bodyHeight).Where(b => !b.IsPageBreak).ToList();
    }

    private (float X, float Width) ContentBox(TableCell cell, int col)
    {
        var left = _columnX[col] + _table.CellPaddingX;
        var right = _columnX[col + cell.ColSpan] - _table.CellPaddingX;
        return (left, Math.Max(1, right - left));
    }

    /// <summary>Adds the cell's content (aligned vertically in the box) and its four borders.</summary>
    private void AddCell(List<DrawOp> ops, TableCell cell, int col, List<DrawOp> content, float contentHeight, float top, float height)
    {
        var dy = top + _table.CellPaddingY + cell.VerticalAlignment switch
        {
            VerticalAlignment.Top => 0,
            VerticalAlignment.Middle => (height - contentHeight) / 2,
            VerticalAlignment.Bottom => height - contentHeight,
            _ => 0,
        };
        foreach (var op in content)
        {
            ops.Add(op.Offset(0, dy));
        }

        var left = _columnX[col];
        var right = _columnX[col + cell.ColSpan];
        var bottom = top + height;
        var w = _table.BorderWidth;
        ops.Add(new LineOp(left, top, right, top, w));
        ops.Add(new LineOp(left, bottom, right, bottom, w));
        ops.Add(new LineOp(left, top, left, bottom, w));
        ops.Add(new LineOp(right, top, right, bottom, w));
    }
}
