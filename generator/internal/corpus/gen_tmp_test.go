package corpus
import ("testing";"os";"strconv")
func TestGenTmp(t *testing.T){ d:=os.Getenv("GEN_DIR"); if d==""{t.Skip()}; n,_:=strconv.Atoi(os.Getenv("GEN_N")); os.RemoveAll(d); if err:=Write(d, Generate(n)); err!=nil{t.Fatal(err)} }
