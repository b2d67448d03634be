package io.parley.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

@DisplayName("SortedPuts: a group commit's puts, each column family's in key order")
class SortedPutsTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("hands every put to the batch, each family's keys in ascending unsigned byte order, the last put of a key winning")
  void everyPutInKeyOrder() throws Exception {
    try (Database db = Database.open(dir, SyncPolicy.FSYNC); WriteBatch batch = new WriteBatch()) {
      SortedPuts puts = new SortedPuts();
      puts.put(db.timelines(), bytes("bob\0\2"), bytes("t2"));
      puts.put(db.messages(), bytes("m\0\377"), bytes("high"));
      puts.put(db.timelines(), bytes("alice\0\1"), bytes("t1"));
      puts.put(db.messages(), bytes("m\0\1"), bytes("low"));
      puts.put(db.timelines(), bytes("bob\0\1"), bytes("t3"));
      puts.put(db.messages(), bytes("m\0\1"), bytes("low, again"));
      assertEquals(6, puts.count());

      puts.writeTo(batch);
      db.write(batch, true);

      assertEquals(List.of("alice\0\1=t1", "bob\0\1=t3", "bob\0\2=t2"), entries(batch, db.timelines().getID()));
      assertEquals(List.of("m\0\1=low", "m\0\1=low, again", "m\0\377=high"), entries(batch, db.messages().getID()),
          "0xFF sorts after 0x01 (bytes compare unsigned); a key put twice keeps its puts' order");
      assertEquals("low, again", new String(db.get(db.messages(), bytes("m\0\1")), StandardCharsets.ISO_8859_1));
      assertEquals("t3", new String(db.get(db.timelines(), bytes("bob\0\1")), StandardCharsets.ISO_8859_1));
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The batch's puts to one family, in the batch's order, as "key=value". */
  private static List<String> entries(WriteBatch batch, int familyId) throws Exception {
    List<String> out = new ArrayList<>();
    batch.iterate(new WriteBatch.Handler() {
      @Override
      public void put(int columnFamilyId, byte[] key, byte[] value) {
        if (columnFamilyId == familyId) {
          out.add(new String(key, StandardCharsets.ISO_8859_1) + "=" + new String(value, StandardCharsets.ISO_8859_1));
        }
      }

      @Override
      public void put(byte[] key, byte[] value) {}

      @Override
      public void merge(int columnFamilyId, byte[] key, byte[] value) {}

      @Override
      public void merge(byte[] key, byte[] value) {}

      @Override
      public void delete(int columnFamilyId, byte[] key) {}

      @Override
      public void delete(byte[] key) {}

      @Override
      public void singleDelete(int columnFamilyId, byte[] key) {}

      @Override
      public void singleDelete(byte[] key) {}

      @Override
      public void deleteRange(int columnFamilyId, byte[] beginKey, byte[] endKey) {}

      @Override
      public void deleteRange(byte[] beginKey, byte[] endKey) {}

      @Override
      public void logData(byte[] blob) {}

      @Override
      public void putBlobIndex(int columnFamilyId, byte[] key, byte[] value) {}

      @Override
      public void markBeginPrepare() {}

      @Override
      public void markEndPrepare(byte[] xid) {}

      @Override
      public void markNoop(boolean emptyBatch) {}

      @Override
      public void markRollback(byte[] xid) {}

      @Override
      public void markCommit(byte[] xid) {}

      @Override
      public void markCommitWithTimestamp(byte[] xid, byte[] ts) {}
    });
    return out;
  }
}
