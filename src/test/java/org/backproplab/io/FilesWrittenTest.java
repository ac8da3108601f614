package org.backproplab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.nn.Architecture;
import org.backproplab.train.Config;
import org.backproplab.train.LossHistory;
import org.backproplab.train.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the lab's w and e keys write: new files only, readable by --init and by a CSV reader. */
class FilesWrittenTest {
    @TempDir
    Path dir;

    @Test
    void parametersGoToANewFileEachTimeAndReadBackExactly() throws Exception {
        Config config = Preset.REFERENCE.defaults();
        Architecture arch = config.architecture();
        double[] theta = {0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 1.0 / 3.0};
        Files.writeString(dir.resolve("p.json"), "someone else's file");
        Path first = ParametersFile.writeNew(dir, "p", config, "reference", 12, theta, null);
        Path second = ParametersFile.writeNew(dir, "p", config, "reference", 12, theta, null);
        assertThat(first.getFileName()).hasToString("p-1.json");
        assertThat(second.getFileName()).hasToString("p-2.json");
        assertThat(Files.readString(dir.resolve("p.json"))).isEqualTo("someone else's file");
        assertThat(ParametersFile.read(second, arch)).containsExactly(theta);
    }

    @Test
    void aBoundedHistoryIsWrittenWithTheFirstEpochOfEachPoint() throws Exception {
        LossHistory h = new LossHistory(4);
        for (int e = 0; e < 9; e++) {
            h.add(e); // loss = epoch number: means are easy to check by hand
        }
        // 4 slots: after epoch 3 the pairs merge ([0.5, 2.5], stride 2); after epoch 7 again
        // ([mean 0..3 = 1.5, mean 4..7 = 5.5], stride 4); epoch 8 is the partly filled last point
        String csv = LossHistoryCsv.of(h.points(), 9, 9.0);
        // the last row averages epoch 8 alone, and says so; the loss after epoch 8 ends it, as train's history does
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("# each row is the mean loss of 4 epochs")
                .contains("the last of 1 epoch; 9 epochs in all; then the loss now, after epoch 9");
        assertThat(csv.lines().skip(1)).containsExactly("epoch,loss", "0,1.5", "4,5.5", "8,8.0", "9,9.0");
        Path f = LossHistoryCsv.writeNew(dir, "h", h.points(), 9, 9.0);
        assertThat(Files.readString(f)).isEqualTo(csv);
    }

    @Test
    void trainsHistoryRowsAreTheSameRows() {
        assertThat(LossHistoryCsv.HEADER).isEqualTo("epoch,loss");
        assertThat(LossHistoryCsv.row(12, 0.1)).isEqualTo("12,0.1");
    }
}
