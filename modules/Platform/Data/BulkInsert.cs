using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CentresConnectes.Platform.Data;

/// <summary>
/// The fast paths for new rows. Many rows (the members import, years of opening slots) go to the
/// database by binary COPY on PostgreSQL and by one prepared INSERT on SQLite, inside the caller's
/// EF transaction (<see cref="InsertAsync{T}"/>); a handful that may already be there (a kiosk's
/// VALIDER) in one statement that skips them (<see cref="InsertNewAsync{T}"/>). Columns, names and
/// value conversions come from the EF model, so the rows are exactly what EF would write. The save
/// interceptor is bypassed here, so the tenant is stamped explicitly from the context's current
/// structure (and a context without one writes nothing).
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class, IMultiTenant
    {
        if (rows.Count == 0)
            return;
        var tenantId = db.CurrentTenantId;
        if (tenantId == Guid.Empty)
            throw new CrossTenantWriteException($"Cannot add {typeof(T).Name} outside a structure.");
        if (db.Database.CurrentTransaction is not { } transaction)
            throw new InvalidOperationException("Bulk inserts run inside the caller's transaction (all or nothing).");

        var (table, columns, valueOf) = ColumnsOf(db, rows, tenantId);

        var connection = db.Database.GetDbConnection();
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            // tenant-filtered: every row's TenantId column is the current structure's (ValueOf), never the row's own
            var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(copy, ct);
            var types = columns.Select(c => PostgresType(c.Mapping.StoreType)).ToArray();
            // Synchronous writes: the importer buffers, and a million awaited values cost more than the I/O.
            foreach (var row in rows)
            {
                importer.StartRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = valueOf(i, row);
                    if (value is null)
                        importer.WriteNull();
                    else
                        importer.Write(value, types[i]);
                }
            }
            await importer.CompleteAsync(ct);
            return;
        }

        // SQLite: one prepared single-row INSERT (multi-row statements bind their parameters by name
        // in linear time each, which costs more than it saves). A larger page cache for the duration
        // keeps the indexes' pages in memory while tens of thousands of rows go in; it is given back
        // afterwards, or the pooled connection would keep that memory for good.
        var sqlite = (SqliteConnection)connection;
        var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
        await SetCacheSizeAsync(sqlite, sqliteTransaction, BulkCacheKiB, ct);
        try
        {
            await using var command = sqlite.CreateCommand();
            command.Transaction = sqliteTransaction;
            // tenant-filtered: the TenantId column gets the current structure's id (ValueOf), never the row's own
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
            var parameters = columns.Select((c, i) =>
            {
                var parameter = c.Mapping.CreateParameter(command, "@p" + i, null, nullable: true);
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            command.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                    parameters[i].Value = valueOf(i, row) ?? DBNull.Value;
                command.ExecuteNonQuery();
            }
        }
        finally
        {
            await SetCacheSizeAsync(sqlite, sqliteTransaction, DefaultCacheKiB, CancellationToken.None);
        }
    }

    /// <summary>
    /// A handful of new rows in one statement, outside any transaction (one statement is atomic):
    /// <c>INSERT … ON CONFLICT DO NOTHING</c> on both providers, so a row that would break a unique
    /// index is skipped instead of failing the others — two tablets recording the same person at once,
    /// a replayed request. Returns how many rows went in. No change tracker, no batch transaction: the
    /// kiosk's VALIDER writes in one round trip. Inside the caller's transaction when there is one.
    /// </summary>
    public static Task<int> InsertNewAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class, IMultiTenant =>
        InsertNewAsync(db, rows, parent: null, ct);

    /// <summary>
    /// As <see cref="InsertNewAsync{T}"/>, in the same statement and only while the current structure
    /// has the <typeparamref name="TParent"/> of key <paramref name="parentId"/> (a kiosk's VALIDER and
    /// its slot): the check costs no round trip of its own, and no delete can slip between it and the
    /// write. Returns 0 when the parent is not there; a caller that must tell that from « every row was
    /// already there » reads the parent then — the rare case.
    /// </summary>
    public static Task<int> InsertNewUnderAsync<T, TParent>(AppDbContext db, IReadOnlyCollection<T> rows, Guid parentId, CancellationToken ct)
        where T : class, IMultiTenant where TParent : class, IMultiTenant =>
        InsertNewAsync(db, rows, (typeof(TParent), parentId), ct);

    private static async Task<int> InsertNewAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, (Type Type, Guid Id)? parent, CancellationToken ct) where T : class, IMultiTenant
    {
        if (rows.Count == 0)
            return 0;
        var tenantId = db.CurrentTenantId;
        if (tenantId == Guid.Empty)
            throw new CrossTenantWriteException($"Cannot add {typeof(T).Name} outside a structure.");
        var (table, columns, valueOf) = ColumnsOf(db, rows, tenantId);
        // The command only makes the provider's parameters; EF runs the statement on its own connection.
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<object>();
        // The rows as a SELECT (under a parent, for its WHERE) and as what follows the column list.
        string select, rowsAlone;
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            // One array per column, unnested: a dozen parameters instead of one per value, and the same
            // statement (prepared once, ADR 0023) whatever the number of rows. The arrays are typed, so
            // a null is typed too.
            var arrays = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var values = Array.CreateInstance(ElementType(columns[i].Mapping), rows.Count);
                var r = 0;
                foreach (var row in rows)
                    values.SetValue(valueOf(i, row), r++);
                arrays[i] = "@p" + parameters.Count;
                parameters.Add(new NpgsqlParameter(arrays[i], NpgsqlDbType.Array | PostgresType(columns[i].Mapping.StoreType)) { Value = values });
            }
            select = $"SELECT * FROM unnest({string.Join(", ", arrays)}) AS v";
            rowsAlone = select;
        }
        else
        {
            var values = new List<string>(rows.Count);
            foreach (var row in rows)
            {
                var names = new string[columns.Count];
                for (var i = 0; i < columns.Count; i++)
                {
                    names[i] = "@p" + parameters.Count;
                    parameters.Add(columns[i].Mapping.CreateParameter(command, names[i], valueOf(i, row), nullable: true));
                }
                values.Add("(" + string.Join(", ", names) + ")");
            }
            // SQLite reads ON CONFLICT after a SELECT without WHERE as a join's ON: a bare VALUES list then.
            rowsAlone = $"VALUES {string.Join(", ", values)}";
            select = $"SELECT * FROM ({rowsAlone}) AS v";
        }
        var into = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))})";
        string sql;
        if (parent is { } p)
        {
            var (parentTable, key, tenant) = KeyOf(db, p.Type);
            var id = "@p" + parameters.Count;
            parameters.Add(key.Mapping.CreateParameter(command, id, p.Id));
            var structure = "@p" + parameters.Count;
            parameters.Add(tenant.Mapping.CreateParameter(command, structure, tenantId));
            // tenant-filtered: the parent is looked for in the current structure only
            sql = $"{into} {select} " +
                  $"WHERE EXISTS (SELECT 1 FROM \"{parentTable}\" WHERE \"{key.Name}\" = {id} AND \"{tenant.Name}\" = {structure}) ON CONFLICT DO NOTHING";
        }
        else
            sql = $"{into} {rowsAlone} ON CONFLICT DO NOTHING";
        // tenant-filtered: the TenantId column gets the current structure's id (valueOf), never the row's own
        return await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    private static (IEntityType EntityType, StoreObjectIdentifier Table) TableOf(AppDbContext db, Type type)
    {
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException(type.Name + " is not mapped.");
        return (entityType, StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema()));
    }

    /// <summary>A tenant-owned entity's table, its single key column and its structure column.</summary>
    private static (string Table, (string Name, RelationalTypeMapping Mapping) Key, (string Name, RelationalTypeMapping Mapping) Tenant) KeyOf(AppDbContext db, Type type)
    {
        var (entityType, store) = TableOf(db, type);
        var key = entityType.FindPrimaryKey()?.Properties is [var single] ? single : throw new NotSupportedException(type.Name + " has no single-column key.");
        var tenant = entityType.FindProperty(nameof(IMultiTenant.TenantId))!;
        return (store.Name, (key.GetColumnName(store)!, key.GetRelationalTypeMapping()), (tenant.GetColumnName(store)!, tenant.GetRelationalTypeMapping()));
    }

    /// <summary>
    /// The table's columns from the EF model, and each row's value for each (provider conversions
    /// applied, the tenant stamped). In a hierarchy, the discriminator column gets <typeparamref name="T"/>'s
    /// value, and rows must be of <typeparamref name="T"/> itself (a subtype's own columns would be lost).
    /// </summary>
    private static (string Table, List<Column> Columns, Func<int, T, object?> ValueOf) ColumnsOf<T>(AppDbContext db, IReadOnlyCollection<T> rows, Guid tenantId) where T : class
    {
        var (entityType, store) = TableOf(db, typeof(T));
        var table = store.Name;
        var discriminator = entityType.FindDiscriminatorProperty();
        if (discriminator is not null && rows.FirstOrDefault(r => r.GetType() != typeof(T)) is { } other)
            throw new NotSupportedException($"A {other.GetType().Name} cannot be bulk-inserted as a {typeof(T).Name}.");
        var discriminatorValue = entityType.GetDiscriminatorValue();
        var columns = entityType.GetProperties()
            .Select(p => new Column(p.GetColumnName(store)!, p.GetRelationalTypeMapping(),
                p.Name == nameof(IMultiTenant.TenantId) ? _ => tenantId
                : p == discriminator ? _ => discriminatorValue
                : p.IsShadowProperty() ? throw new NotSupportedException($"{typeof(T).Name}.{p.Name} is a shadow property: bulk inserts cannot read it.")
                : p.GetGetter().GetClrValue))
            .ToList();
        var converters = columns.Select(c => c.Mapping.Converter).ToArray();
        return (table, columns, (i, row) =>
        {
            var value = columns[i].Read(row);
            return value is null ? null : converters[i] is { } converter ? converter.ConvertToProvider(value) : value;
        });
    }

    /// <summary>
    /// SQLite's page cache during a bulk insert, in KiB. import-50k (one run each): 64 MiB peak 361 MB,
    /// writing 2.3 s; 16 MiB 325 MB, 1.7 s; 8 MiB 308 MB, 2.3 s; SQLite's 2 MB 294 MB, 2.7 s.
    /// </summary>
    private const int BulkCacheKiB = 16384;

    /// <summary>SQLite's own default (<c>PRAGMA cache_size = -2000</c>).</summary>
    private const int DefaultCacheKiB = 2000;

    private static async Task SetCacheSizeAsync(SqliteConnection connection, SqliteTransaction transaction, int kib, CancellationToken ct)
    {
        await using var pragma = connection.CreateCommand();
        pragma.Transaction = transaction;
        pragma.CommandText = $"PRAGMA cache_size = -{kib}"; // tenant-filtered: no table data (a connection setting)
        await pragma.ExecuteNonQueryAsync(ct);
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read);

    /// <summary>The type of a column's values as written (after its conversion), nullable.</summary>
    private static Type ElementType(RelationalTypeMapping mapping)
    {
        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
    }

    private static NpgsqlDbType PostgresType(string storeType)
    {
        var name = storeType.Split('(')[0].Trim();
        return name switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "character varying" => NpgsqlDbType.Varchar,
            "text" => NpgsqlDbType.Text,
            "date" => NpgsqlDbType.Date,
            "time without time zone" => NpgsqlDbType.Time,
            "boolean" => NpgsqlDbType.Boolean,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "integer" => NpgsqlDbType.Integer,
            "bytea" => NpgsqlDbType.Bytea,
            _ => throw new NotSupportedException($"Column type {storeType} has no COPY mapping."),
        };
    }
}
